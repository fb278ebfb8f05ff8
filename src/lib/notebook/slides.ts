/**
 * Slides for presentation mode: the notebook's blocks split at each `---`. Presentation is a layout of
 * the same page, so this only groups block indices; nothing is rendered twice.
 */
import type { Block } from './types.js';

/** One slide: the indices of its blocks in the notebook. */
export interface Slide {
  /** 1-based slide number, as in the URL (#/3) */
  number: number;
  /** indices into the notebook's blocks, slide breaks and notes excluded */
  blocks: number[];
  /** the speaker notes of this slide, as HTML (for the presenter view) */
  notes: string[];
}

export function splitSlides(blocks: Block[]): Slide[] {
  const slides: Slide[] = [{ number: 1, blocks: [], notes: [] }];
  blocks.forEach((block, index) => {
    const slide = slides[slides.length - 1];
    if (block.type === 'slide') slides.push({ number: slides.length + 1, blocks: [], notes: [] });
    else if (block.type === 'notes') slide.notes.push(block.html);
    else slide.blocks.push(index);
  });
  // A break at the very start or end, or two in a row, would make an empty slide: drop those.
  return slides.filter((s) => s.blocks.length > 0).map((s, i) => ({ ...s, number: i + 1 }));
}

/** The slide number in a location hash (`#/3` → 3), clamped to the slides there are; 1 when absent. */
export function slideFromHash(hash: string, count: number): number {
  const match = /^#\/(\d+)$/.exec(hash);
  const n = match ? Number(match[1]) : 1;
  return Math.min(Math.max(1, n), Math.max(1, count));
}
