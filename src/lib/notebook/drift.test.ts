import { describe, expect, it } from 'vitest';
import { checkTranslation } from './drift.js';
import { parseNotebook } from './parse.js';

const english = `---
title: Inception
---

## The block

Some prose.

\`\`\`js id=widths echo
// the lecture's widths
const widths = { branch1x1: 16, name: 'incep1' }
\`\`\`

\`\`\`js id=text
md\`The block has **\${widths.branch1x1}** channels.\`
\`\`\`

---

## Train it

\`\`\`js id=train nolink
const live = view(Inputs.toggle({ label: 'Train live' }))
const again = view(Inputs.button(text\`Train again\`))
\`\`\`
`;

const zh = (replace: (text: string) => string = (t) => t) =>
  parseNotebook(replace(english), '02-inception.md');

const check = (replace: (text: string) => string) => () =>
  checkTranslation(parseNotebook(english, '02-inception.md'), zh(replace));

describe('checkTranslation()', () => {
  it.each([
    [
      'translated prose and headings',
      (t: string) => t.replace('Some prose.', '一些文字。').replace('## The block', '## 模块')
    ],
    ['a translated comment', (t: string) => t.replace("// the lecture's widths", '// 讲义里的宽度')],
    [
      'translated md template text',
      (t: string) => t.replace('The block has **', '这个模块有 **').replace('** channels.', '** 个通道。')
    ],
    ['a translated text template', (t: string) => t.replace('text`Train again`', 'text`再训练一次`')],
    ['a different quoting style', (t: string) => t.replace("'incep1'", '"incep1"')]
  ])('checkTranslation() accepts %s', (_, replace) => {
    expect(check(replace)).not.toThrow();
  });

  it.each([
    [
      'a changed cell id',
      (t: string) => t.replace('id=text', 'id=words'),
      /Cell "words" is where the English notebook has cell "text"/
    ],
    [
      'a missing cell',
      (t: string) => t.replace(/```js id=train[\s\S]*?```\n/, ''),
      /Cells "train" of the English notebook are missing/
    ],
    [
      'changed code',
      (t: string) => t.replace('branch1x1: 16', 'branch1x1: 32'),
      /Cell "widths" differs .* at “32/
    ],
    [
      'a changed string',
      (t: string) => t.replace("'incep1'", "'incep2'"),
      /Cell "widths" differs .* at “'incep2'/
    ],
    [
      'a translated label that is a plain string, not a template',
      (t: string) => t.replace("'Train live'", "'实时训练'"),
      /Cell "train" differs/
    ],
    [
      'a changed expression inside an md template',
      (t: string) => t.replace('${widths.branch1x1}', '${widths.name}'),
      /Cell "text" differs/
    ],
    [
      'a dropped flag',
      (t: string) => t.replace('id=train nolink', 'id=train'),
      /Cell "train" has other flags/
    ],
    ['a missing section', (t: string) => t.replace('## Train it', 'Train it'), /sections differ/],
    [
      'a missing slide break',
      (t: string) => t.replace('\n---\n\n## Train', '\n## Train'),
      /2 slides, this one 1/
    ]
  ])('checkTranslation() refuses %s', (_, replace, message) => {
    expect(check(replace)).toThrow(message);
  });

  it('checkTranslation() names the line in the translated file', () => {
    let line = 0;
    try {
      check((t) => t.replace('branch1x1: 16', 'branch1x1: 32'))();
    } catch (error) {
      line = (error as { line: number }).line;
    }
    expect(line).toBe(english.split('\n').findIndex((l) => l.includes('branch1x1: 16')) + 1);
  });
});
