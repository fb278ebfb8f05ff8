import { describe, expect, it } from 'vitest';
import { slideFromHash, splitSlides } from './slides.js';
import type { Block } from './types.js';

const prose: Block = { type: 'prose', html: '<p>x</p>' };
const cell: Block = { type: 'cell', id: 'a' };
const slide: Block = { type: 'slide' };

describe('splitSlides()', () => {
  it('splitSlides() groups block indices between slide breaks', () => {
    expect(splitSlides([prose, cell, slide, prose, slide, cell])).toEqual([
      { number: 1, blocks: [0, 1], notes: [] },
      { number: 2, blocks: [3], notes: [] },
      { number: 3, blocks: [5], notes: [] }
    ]);
  });

  it('splitSlides() makes no empty slides from leading, trailing or doubled breaks', () => {
    expect(splitSlides([slide, prose, slide, slide, cell, slide])).toEqual([
      { number: 1, blocks: [1], notes: [] },
      { number: 2, blocks: [4], notes: [] }
    ]);
  });

  it('splitSlides() gives one slide for a notebook without breaks', () => {
    expect(splitSlides([prose, cell])).toEqual([{ number: 1, blocks: [0, 1], notes: [] }]);
  });

  it('splitSlides() keeps speaker notes with their slide, out of its blocks', () => {
    const notes: Block = { type: 'notes', html: '<p>Ask the room first.</p>' };
    expect(splitSlides([prose, notes, slide, cell])).toEqual([
      { number: 1, blocks: [0], notes: ['<p>Ask the room first.</p>'] },
      { number: 2, blocks: [3], notes: [] }
    ]);
  });
});

describe('slideFromHash()', () => {
  it.each([
    ['#/3', 5, 3],
    ['#/9', 5, 5],
    ['#/0', 5, 1],
    ['', 5, 1],
    ['#section', 5, 1]
  ])('slideFromHash(%j, %i) is %i', (hash, count, expected) => {
    expect(slideFromHash(hash, count)).toBe(expected);
  });
});
