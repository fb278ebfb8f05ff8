import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zh } from './zh';

/** Every key path in a catalogue with the kind of its entry, e.g. "cell.run: string", "engine.atLine: function". */
function kinds(catalogue: object, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    value && typeof value === 'object'
      ? kinds(value, `${prefix}${key}.`)
      : [`${prefix}${key}: ${typeof value}`]
  );
}

/** Every message as text: strings as they are, functions called with sample arguments. */
function texts(catalogue: object, prefix = ''): [string, string][] {
  const params = {
    ...{ name: 'x', line: 1, seconds: 2, max: 3, cell: 'c', section: 's', raw: 'r' },
    // lists in the errors' parameters
    ...{ names: ['a'], cycle: ['a', 'b', 'a'], sizes: ['4×4', '2×2'], problems: [{ key: 'noExamples' }] },
    // where a builder's channel count comes from
    ...{ from: { layer: 'incep1/concat' }, fromA: { input: '1×28×28' }, fromB: { layer: 'conv1' } }
  };
  return Object.entries(catalogue).flatMap(([key, value]): [string, string][] => {
    if (typeof value === 'function') {
      // Messages take an origin, ids and counts, lists of ids, or (errors) one object of parameters:
      // try each kind of sample until one fits.
      const n = value.length;
      const tries = [
        [params],
        Array(n).fill('link'),
        Array(n).fill(['a']),
        ['link', ...Array(Math.max(0, n - 1)).fill(['a'])]
      ];
      for (const args of tries) {
        try {
          return [[`${prefix}${key}`, String(value(...args))]];
        } catch {
          // not this kind of argument
        }
      }
      return [[`${prefix}${key}`, '']];
    }
    if (value && typeof value === 'object') return texts(value, `${prefix}${key}.`);
    return [[`${prefix}${key}`, String(value)]];
  });
}

/** Entries that name the other language in its own words. */
const otherLanguage = ['site.otherLanguage', 'site.otherLanguageLabel'];

describe('the catalogues', () => {
  it('en and zh have the same keys, each the same kind of entry', () => {
    expect(kinds(zh).sort()).toEqual(kinds(en).sort());
  });

  it('every Chinese message is written in Chinese', () => {
    const untranslated = texts(zh).filter(
      ([key, text]) => !otherLanguage.includes(key) && !/\p{Script=Han}/u.test(text)
    );
    expect(untranslated).toEqual([]);
  });

  it('no English message is empty', () => {
    expect(texts(en).filter(([, text]) => text.trim() === '')).toEqual([]);
  });
});
