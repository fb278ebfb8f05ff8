import { describe, expect, it } from 'vitest';
import { mulberry32, splitIndices } from './split';

const labels = Array.from({ length: 100 }, (_, i) => i % 10);

describe('splitIndices()', () => {
  it('is stratified: 8 of every 10 per class go to training', () => {
    const { train, test } = splitIndices(labels);
    expect([train.length, test.length]).toEqual([80, 20]);
    for (let c = 0; c < 10; c++) expect(train.filter((i) => labels[i] === c)).toHaveLength(8);
  });

  it('is fixed by its seed and covers every digit once', () => {
    expect(splitIndices(labels, { seed: 5 })).toEqual(splitIndices(labels, { seed: 5 }));
    expect(splitIndices(labels, { seed: 5 }).train).not.toEqual(splitIndices(labels, { seed: 6 }).train);
    const { train, test } = splitIndices(labels, { seed: 5 });
    expect([...train, ...test].sort((a, b) => a - b)).toEqual(labels.map((_, i) => i));
  });

  it('rejects a train fraction outside (0, 1)', () => {
    expect(() => splitIndices(labels, { trainFraction: 1.2 })).toThrow(
      'trainFraction must be between 0 and 1, got 1.2'
    );
  });

  it('mulberry32() repeats for the same seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});

describe('splitIndices() with uneven classes', () => {
  it('hits the exact total with largest-remainder quotas', () => {
    const uneven = [...new Array(7).fill(0), ...new Array(7).fill(1), ...new Array(6).fill(2)];
    const { train } = splitIndices(uneven, { trainFraction: 0.5 });
    // 3.5, 3.5, 3 → 4, 3, 3 (ties go to the lower class): 10 of 20.
    expect(train).toHaveLength(10);
    expect([0, 1, 2].map((c) => train.filter((i) => uneven[i] === c).length)).toEqual([4, 3, 3]);
  });
});
