import { describe, expect, it } from 'vitest';
import { stepFor } from './presentation.svelte';

describe('stepFor()', () => {
  it.each([
    ['ArrowRight', 3, 4],
    ['ArrowDown', 3, 4],
    ['PageDown', 3, 4],
    [' ', 3, 4],
    ['ArrowLeft', 3, 2],
    ['ArrowUp', 3, 2],
    ['PageUp', 3, 2],
    ['Home', 3, 1],
    ['End', 3, 8],
    ['PageDown', 8, 8],
    ['PageUp', 1, 1],
    ['b', 3, null],
    ['Enter', 3, null]
  ])('moves %j from slide %i of 8 to %j', (key, current, to) => {
    expect(stepFor(key, current, 8)).toBe(to);
  });
});
