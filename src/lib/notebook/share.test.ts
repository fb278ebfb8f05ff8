import { describe, expect, it } from 'vitest';
import { word } from '../i18n/worded.js';
import { decodeShare, encodeShare, maxSharedCode, shareableValue } from './share';

const split = (link: string) => {
  const url = new URL(link, 'http://localhost/notebooks/inception');
  return [url.search, url.hash] as const;
};

describe('share links', () => {
  it('round-trips section, values and code', async () => {
    const state = {
      section: 'the-inception-module',
      values: { size: 20, shown: [20, 56], live: false, settings: { cin: 192, k: 5 } },
      code: { branch: 'const branch = Conv2d(88, 24, 1)\n// “quotes” and ünïcode', empty: '' }
    };
    const link = await encodeShare(state);
    expect(link).toMatch(/^\?v\.size=20&/);
    expect(link.endsWith('#the-inception-module')).toBe(true);
    const decoded = await decodeShare(...split(link));
    expect(decoded).toEqual({ ...state, problems: [] });
  });

  it('leaves out what is not link material and what is empty', async () => {
    expect(await encodeShare({ section: null, values: {}, code: {} })).toBe('');
    const link = await encodeShare({
      section: null,
      values: { file: new Blob(['x']), big: new Array(1000).fill(1), nan: NaN, fn: () => 1, n: 3 },
      code: {}
    });
    expect(link).toBe('?v.n=3');
  });

  it('reports an undecodable section instead of throwing', async () => {
    const decoded = await decodeShare('?v.size=3', '#100%');
    expect(decoded.section).toBeNull();
    expect(decoded.values).toEqual({ size: 3 });
    expect(decoded.problems.map((p) => word(p))).toEqual([
      "The link's section “100%” is not readable, so it opens at the top."
    ]);
  });

  it('reads a slide hash as no section', async () => {
    expect((await decodeShare('?present', '#/3')).section).toBeNull();
    expect((await decodeShare('', '')).section).toBeNull();
  });

  it('reports a damaged value and keeps the rest', async () => {
    const decoded = await decodeShare('?v.size=20&v.k={oops', '');
    expect(decoded.values).toEqual({ size: 20 });
    expect(decoded.problems.map((p) => word(p))).toEqual([
      "The link's value for “k” is not readable ({oops), so it keeps its default."
    ]);
  });

  it('refuses a value too long for a link, saying so', async () => {
    const decoded = await decodeShare(`?v.size=20&v.name=${JSON.stringify('x'.repeat(600))}`, '');
    expect(decoded.values).toEqual({ size: 20 });
    expect(word(decoded.problems[0])).toBe(
      "The link's value for “name” is too long for a link (over 500 characters), so it keeps its default."
    );
  });

  it('reports damaged code instead of throwing', async () => {
    const link = await encodeShare({ section: null, values: {}, code: { a: 'const a = 1' } });
    const cut = link.slice(0, link.length - 6);
    const decoded = await decodeShare(cut, '');
    expect(decoded.code).toEqual({});
    expect(word(decoded.problems[0])).toMatch(
      /^The code in this link could not be read: the link looks cut short/
    );
    const notBase64 = await decodeShare('?code=%%%', '');
    expect(word(notBase64.problems[0])).toMatch(/cut short or altered/);
  });

  it('refuses code that is not a set of cells', async () => {
    const wrongType = await decodeShare(await packedQuery('[1,2]'), '');
    expect(word(wrongType.problems[0])).toMatch(/not a set of cells/);
    const noSource = await decodeShare(await packedQuery('{"a":5}'), '');
    expect(word(noSource.problems[0])).toMatch(/cell “a” has no source text/);
  });

  it('stops unpacking a link that inflates beyond the limit', async () => {
    const bomb = await packedQuery(JSON.stringify({ a: 'x'.repeat(maxSharedCode + 10) }));
    expect(bomb.length).toBeLessThan(2000); // tiny link…
    const decoded = await decodeShare(bomb, '');
    expect(decoded.code).toEqual({});
    expect(word(decoded.problems[0])).toMatch(/unpacks to more than 200,000 characters/);
  });

  it('says which values can travel in a link', () => {
    expect(shareableValue(12)).toBe('12');
    expect(shareableValue('a b')).toBe('"a b"');
    expect(shareableValue([20, 56])).toBe('[20,56]');
    expect(shareableValue({ k: 5 })).toBe('{"k":5}');
    expect(shareableValue(Infinity)).toBeNull();
    expect(shareableValue(undefined)).toBeNull();
    expect(shareableValue(new Date())).toBeNull();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(shareableValue(cyclic)).toBeNull();
  });
});

/** A `?code=` query holding arbitrary text, packed the way links are. */
async function packedQuery(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  const base64 = Buffer.from(bytes).toString('base64url');
  return `?code=${base64}`;
}
