import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeIdx } from './idx';
import { MNIST_MEAN, MNIST_STD } from './mnist';
import { gunzip, loadOfficialMnist, OFFICIAL_MNIST_MANIFEST, type OfficialManifest } from './official';

/** A tiny "official" set of 2 training and 1 test digit of 2×2, served gzip-compressed by a fake fetch. */
function fakeSite() {
  const raw = {
    trainImages: encodeIdx({ dims: [2, 2, 2], data: Uint8Array.from([0, 255, 0, 0, 255, 255, 0, 0]) }),
    trainLabels: encodeIdx({ dims: [2], data: Uint8Array.from([5, 0]) }),
    testImages: encodeIdx({ dims: [1, 2, 2], data: Uint8Array.from([0, 0, 0, 255]) }),
    testLabels: encodeIdx({ dims: [1], data: Uint8Array.from([7]) })
  };
  const served = new Map<string, Uint8Array>();
  const files = {} as OfficialManifest['files'];
  for (const [key, bytes] of Object.entries(raw)) {
    const gz = gzipSync(bytes);
    const path = `data/mnist/${key}.abc.gz`;
    served.set(`/${path}`, gz);
    files[key as keyof typeof raw] = { path, bytes: gz.length, rawBytes: bytes.length };
  }
  const totalBytes = Object.values(files).reduce((sum, f) => sum + f.bytes, 0);
  const manifest: OfficialManifest = { source: 'test', train: 2, test: 1, files, totalBytes };
  served.set(`/${OFFICIAL_MNIST_MANIFEST}`, new TextEncoder().encode(JSON.stringify(manifest)));
  const fetchFn = (async (url: string) => {
    const body = served.get(url);
    return body ? new Response(body as BlobPart) : new Response('missing', { status: 404 });
  }) as typeof fetch;
  return { fetchFn, totalBytes };
}

describe('loadOfficialMnist()', () => {
  it('downloads, gunzips (DecompressionStream) and decodes the four files, in their order, normalised', async () => {
    const { fetchFn, totalBytes } = fakeSite();
    const seen: [number, number][] = [];
    const { train, test } = await loadOfficialMnist({
      url: (path) => `/${path}`,
      fetchFn,
      onProgress: (received, total) => seen.push([received, total])
    });
    expect([train.count, test.count]).toEqual([2, 1]);
    expect(Array.from(train.labels)).toEqual([5, 0]);
    expect(Array.from(test.labels)).toEqual([7]);
    expect(train.images[0]).toBeCloseTo(-MNIST_MEAN / MNIST_STD, 6);
    expect(train.images[1]).toBeCloseTo((1 - MNIST_MEAN) / MNIST_STD, 6);
    expect(seen[0]).toEqual([0, totalBytes]);
    expect(seen.at(-1)).toEqual([totalBytes, totalBytes]);
  });

  it('says how to build the files when the manifest is missing', async () => {
    const fetchFn = (async () => new Response('', { status: 404 })) as unknown as typeof fetch;
    await expect(loadOfficialMnist({ url: (p) => p, fetchFn })).rejects.toThrow(
      'The full MNIST manifest is missing (HTTP 404): run `npx tsx scripts/build-mnist.ts`'
    );
  });
});

describe('gunzip()', () => {
  it('passes through bytes a host has already decompressed', async () => {
    const idx = encodeIdx({ dims: [1], data: Uint8Array.from([3]) });
    expect(await gunzip(idx)).toBe(idx);
    expect(Array.from(await gunzip(gzipSync(idx)))).toEqual(Array.from(idx));
  });
});
