import { afterEach, describe, expect, it } from 'vitest';
import { en } from './en';
import { WordedError, wordErrorsIn, wordingOf } from './worded';
import { zh } from './zh';

describe('WordedError', () => {
  afterEach(() => wordErrorsIn(en));

  it('is worded in English until the page asks for another language', () => {
    expect(new WordedError('loopStopped', { line: 3, seconds: 2 }).message).toMatch(/^The loop on line 3/);
  });

  it('is worded in the page’s language after wordErrorsIn(), keeping its key and parameters', () => {
    wordErrorsIn(zh);
    const error = new WordedError('loopStopped', { line: 3, seconds: 2 });
    expect(error.message).toMatch(/^第 3 行的循环/);
    expect(wordingOf(error)).toEqual({ key: 'loopStopped', params: { line: 3, seconds: 2 } });
  });
});
