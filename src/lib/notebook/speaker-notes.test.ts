import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNotebook } from './parse.js';
import { splitSlides } from './slides.js';

// The lessons are presented in lecture halls: the presenter view shows each slide's notes (what to say, what
// to ask the room, what to click, how long). 00 is the tour; 01–04 are the lessons, in both editions.
const root = new URL('../../../notebooks/', import.meta.url);
const lessons = readdirSync(root)
  .filter((name) => /^0[1-4]-.*\.md$/.test(name))
  .flatMap((name) => [name, `zh/${name}`])
  .filter((path) => existsSync(new URL(path, root)));

describe('speaker notes', () => {
  it.each(lessons)('%s has notes on every slide', (path) => {
    const spec = parseNotebook(readFileSync(new URL(path, root), 'utf8'), `notebooks/${path}`);
    const bare = splitSlides(spec.blocks)
      .filter((slide) => slide.notes.length === 0)
      .map((slide) => slide.number);
    expect(bare, `slides without notes in ${path}`).toEqual([]);
  });
});
