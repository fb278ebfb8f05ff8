import { describe, expect, it } from 'vitest';
import { messages } from '../../src/lib/i18n';
import { WordedError } from '../../src/lib/i18n/worded';
import { errorText, labelWidth } from './format';

describe('labelWidth()', () => {
  it.each([
    ['', 0],
    ['branch5x5_2', 11 * 6.8],
    ['88×12×12  16+24+24+24 = 88', 26 * 6.8],
    ['卷积', 24],
    ['块（点击展开）', 7 * 12],
    ['conv 卷积', 5 * 6.8 + 24]
  ])('labelWidth(%j) is %d px at 12 px: 6.8 per Latin character, a whole em per Chinese one', (text, px) => {
    expect(labelWidth(text)).toBeCloseTo(px, 6);
  });

  it('labelWidth() scales with the font size', () => {
    expect(labelWidth('卷积 ab', 24)).toBeCloseTo(2 * labelWidth('卷积 ab'), 6);
  });
});

describe('errorText()', () => {
  it('words a WordedError in the given catalogue and passes other errors through', () => {
    const error = new WordedError('linkCodeCut', undefined);
    expect(errorText(error, messages('en'))).toBe(messages('en').errors.linkCodeCut());
    expect(errorText(error, messages('zh'))).toBe(messages('zh').errors.linkCodeCut());
    expect(errorText(new TypeError('expected a model'), messages('zh'))).toBe('expected a model');
    expect(errorText('plain', messages('zh'))).toBe('plain');
  });
});
