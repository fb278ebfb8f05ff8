import { describe, expect, it } from 'vitest';
import { applyMove, moveFor, stepFor } from './presentation.svelte';

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

describe('moveFor() and applyMove()', () => {
  it('moveFor() names a relative move, so the window that owns the slide number can apply it', () => {
    expect(['PageDown', ' ', 'PageUp', 'ArrowLeft', 'Home', 'End', 'x'].map(moveFor)).toEqual([
      'next',
      'next',
      'previous',
      'previous',
      'first',
      'last',
      null
    ]);
  });

  it('applyMove() applies moves one after the other, each from where the last one led', () => {
    const moves = ['next', 'next', 'next', 'previous', 'previous'] as const;
    expect(moves.reduce((at, move) => applyMove(move, at, 8), 1)).toBe(2);
    expect(applyMove('next', 8, 8)).toBe(8);
    expect(applyMove('previous', 1, 8)).toBe(1);
  });
});
