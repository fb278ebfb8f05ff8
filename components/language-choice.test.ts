import { describe, expect, it } from 'vitest';
import { preferredLanguage } from './language-choice';

describe('preferredLanguage()', () => {
  it.each([
    [null, ['zh-CN', 'en'], 'zh'],
    [null, ['zh-TW'], 'zh'],
    [null, ['en-GB', 'zh-CN'], 'en'],
    [null, ['fr-FR', 'zh'], 'zh'],
    [null, ['fr-FR'], 'en'],
    [null, [], 'en'],
    ['en', ['zh-CN'], 'en'],
    ['zh', ['en-US'], 'zh'],
    ['klingon', ['zh-CN'], 'zh']
  ] as const)('preferredLanguage(%j, %j) is %j', (chosen, languages, expected) => {
    expect(preferredLanguage(chosen, languages)).toBe(expected);
  });
});
