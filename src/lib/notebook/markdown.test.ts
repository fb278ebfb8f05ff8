import { describe, expect, it } from 'vitest';
import { createMarkdown } from './markdown.js';

const render = (text: string) => createMarkdown().render(text).trim();

describe('createMarkdown()', () => {
  it.each([
    [
      'joins a line break between Chinese characters without a space',
      '通道数\n决定了计算量。',
      '<p>通道数决定了计算量。</p>'
    ],
    ['keeps a line break between English words as a break', 'one\nline', '<p>one\nline</p>'],
    [
      'closes bold right after full-width punctuation',
      '**动手：**改一个数。',
      '<p><strong>动手：</strong>改一个数。</p>'
    ],
    // markdown-it-cjk-breaks 2.0.0 threw on this (an empty text token after bold); 1.1.3 does not.
    [
      'renders bold before a line break',
      'the **widest**\nbottleneck',
      '<p>the <strong>widest</strong>\nbottleneck</p>'
    ],
    ['gives headings the id its slug makes', '## The block', '<h2 id="the-block">The block</h2>']
  ])('%s', (_, text, html) => {
    expect(render(text)).toBe(html);
  });
});
