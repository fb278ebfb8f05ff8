import { describe, expect, it } from 'vitest';
import { mulberry32, shuffledIndices } from './random';

describe('random', () => {
  it('mulberry32() gives the same sequence for the same seed and another for another seed', () => {
    const take = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(take(7)).toEqual(take(7));
    expect(take(7)).not.toEqual(take(8));
    for (const v of take(9)) expect(v >= 0 && v < 1).toBe(true);
  });

  it('shuffledIndices() is a permutation, fixed by the seed', () => {
    const order = shuffledIndices(100, mulberry32(3));
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(shuffledIndices(100, mulberry32(3))).toEqual(order);
    expect(shuffledIndices(100, mulberry32(4))).not.toEqual(order);
  });
});
