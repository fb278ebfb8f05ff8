import { describe, expect, it } from 'vitest';
import {
  classCounts,
  decodeMnistBin,
  encodeMnistBin,
  loadMnistBin,
  MNIST_MEAN,
  MNIST_STD,
  normalise,
  subset,
  type MnistRaw
} from './mnist';

/** Three 2×2 digits. */
const tiny: MnistRaw = {
  count: 3,
  rows: 2,
  cols: 2,
  pixels: Uint8Array.from([0, 255, 128, 1, 2, 3, 4, 5, 250, 0, 0, 9]),
  labels: Uint8Array.from([7, 0, 9])
};

describe('mnist-10k.bin format', () => {
  it('encodeMnistBin() then decodeMnistBin() returns the same digits', () => {
    const bytes = encodeMnistBin(tiny);
    expect(bytes.length).toBe(16 + 12 + 3);
    expect(decodeMnistBin(bytes)).toEqual(tiny);
    expect(decodeMnistBin(bytes.buffer as ArrayBuffer)).toEqual(tiny);
  });

  it.each([
    [
      'a wrong magic',
      Uint8Array.from([1, 2, 3, 4, ...new Array(20).fill(0)]),
      /not an MNIST binary .*scripts\/build-mnist\.ts/
    ],
    [
      'a truncated file',
      encodeMnistBin(tiny).subarray(0, 20),
      /is 20 bytes but its header \(3 digits of 2×2\) needs 31/
    ]
  ])('decodeMnistBin() rejects %s with a message', (_what, bytes, message) => {
    expect(() => decodeMnistBin(bytes)).toThrow(message);
  });

  it('encodeMnistBin() refuses a label above 9', () => {
    expect(() => encodeMnistBin({ ...tiny, labels: Uint8Array.from([1, 2, 12]) })).toThrow(
      'label 12 of digit 2 is not 0…9'
    );
  });

  it('normalise() maps x to (x/255 − 0.1307)/0.3081', () => {
    const set = normalise(tiny);
    expect(set.images[0]).toBeCloseTo(-MNIST_MEAN / MNIST_STD, 6);
    expect(set.images[1]).toBeCloseTo((1 - MNIST_MEAN) / MNIST_STD, 6);
    expect(set.labels).toEqual(tiny.labels);
  });

  it('subset() picks digits in the given order and classCounts() counts classes', () => {
    const picked = subset(normalise(tiny), [2, 0]);
    expect(Array.from(picked.labels)).toEqual([9, 7]);
    expect(picked.images.length).toBe(8);
    expect(classCounts(tiny.labels)).toEqual([1, 0, 0, 0, 0, 0, 0, 1, 0, 1]);
  });

  it('loadMnistBin() says how to regenerate a missing file', async () => {
    const notFound = (async () => new Response('nope', { status: 404 })) as typeof fetch;
    await expect(loadMnistBin('/data/mnist-10k.bin', notFound)).rejects.toThrow(
      /MNIST data missing at \/data\/mnist-10k.bin \(HTTP 404\): run `npx tsx scripts\/build-mnist.ts`/
    );
    const ok = (async () => new Response(encodeMnistBin(tiny) as Uint8Array<ArrayBuffer>)) as typeof fetch;
    expect((await loadMnistBin('/x', ok)).count).toBe(3);
  });
});
