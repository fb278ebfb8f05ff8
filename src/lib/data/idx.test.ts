import { describe, expect, it } from 'vitest';
import { decodeIdx, decodeIdxPair, decodeOfficialMnist, encodeIdx } from './idx';

const images = encodeIdx({ dims: [2, 2, 2], data: Uint8Array.from([0, 255, 1, 2, 3, 4, 5, 6]) });
const labels = encodeIdx({ dims: [2], data: Uint8Array.from([3, 8]) });

describe('idx files', () => {
  it('decodeIdx() reads the big-endian header and the bytes', () => {
    expect(Array.from(images.subarray(0, 8))).toEqual([0, 0, 8, 3, 0, 0, 0, 2]);
    const decoded = decodeIdx(images);
    expect(decoded.dims).toEqual([2, 2, 2]);
    expect(Array.from(decoded.data)).toEqual([0, 255, 1, 2, 3, 4, 5, 6]);
  });

  it('decodeIdxPair() round-trips images and labels', () => {
    expect(decodeIdxPair(images, labels)).toEqual({
      count: 2,
      rows: 2,
      cols: 2,
      pixels: Uint8Array.from([0, 255, 1, 2, 3, 4, 5, 6]),
      labels: Uint8Array.from([3, 8])
    });
  });

  it.each([
    ['gzip bytes', Uint8Array.from([0x1f, 0x8b, 8, 0]), 'is still gzip-compressed'],
    ['a missing zero prefix', Uint8Array.from([1, 0, 8, 1, 0, 0, 0, 0]), 'must start with two zero bytes'],
    ['float data', Uint8Array.from([0, 0, 0x0d, 1, 0, 0, 0, 0]), 'holds type 0x0d; only unsigned bytes'],
    ['a short header', Uint8Array.from([0, 0, 8, 3, 0, 0]), 'truncated inside its header'],
    ['missing data', images.subarray(0, images.length - 1), 'has 7 data bytes but its header (2×2×2) needs 8']
  ])('decodeIdx() rejects %s', (_what, bytes, message) => {
    expect(() => decodeIdx(bytes, 'train-images')).toThrow(message);
  });

  it.each([
    [
      'swapped files',
      () => decodeIdxPair(labels, images),
      'images must be N×rows×cols, got 2 (are the files swapped?)'
    ],
    [
      'counts that differ',
      () => decodeIdxPair(images, encodeIdx({ dims: [3], data: Uint8Array.from([1, 2, 3]) })),
      'has 2 images but 3 labels'
    ]
  ])('decodeIdxPair() rejects %s', (_what, run, message) => {
    expect(run).toThrow(message);
  });

  it('decodeOfficialMnist() keeps the official train/test split', () => {
    const { train, test } = decodeOfficialMnist({
      trainImages: images,
      trainLabels: labels,
      testImages: images,
      testLabels: labels
    });
    expect([train.count, test.count]).toEqual([2, 2]);
    expect(train.images.length).toBe(8);
  });
});
