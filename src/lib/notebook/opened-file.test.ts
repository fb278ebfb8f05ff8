import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEdits } from './export';
import { readNotebookFile } from './opened-file';
import { parseNotebook } from './parse';

const fileName = '02-inception.md';
const original = readFileSync(new URL(`../../../notebooks/${fileName}`, import.meta.url), 'utf8');
const spec = parseNotebook(original, fileName);
const ids = spec.cells.map((c) => c.id);

describe('opening a notebook file', () => {
  it('reads back the edits "Download my version" wrote', () => {
    const [first, second] = spec.cells;
    const edited = applyEdits(original, spec.cells, { [second.id]: 'const mine = 42' });
    const opened = readNotebookFile(edited, fileName, ids);
    expect(opened.title).toBe(spec.meta.title);
    expect(opened.code[second.id]).toBe('const mine = 42');
    expect(opened.code[first.id]).toBe(first.source);
    expect(Object.keys(opened.code)).toEqual(ids);
  });

  it('keeps only the cells this notebook has', () => {
    const text = '---\ntitle: Mine\n---\n\n```js id=stranger\n1\n```\n\n```js id=' + ids[0] + '\n2\n```\n';
    expect(readNotebookFile(text, fileName, ids).code).toEqual({ [ids[0]]: '2' });
  });

  it('says when the file is another notebook', () => {
    const text = '---\ntitle: Something else\n---\n\n```js id=stranger\n1\n```\n';
    expect(() => readNotebookFile(text, fileName, ids)).toThrow(
      "The file “Something else” has none of this notebook's cells, so it is not a version of it."
    );
  });

  it('says when the file is not a notebook, with the line', () => {
    const text = '---\ntitle: Broken\n---\n\n```js id=a\n1\n```\n\n```js id=a\n2\n```\n';
    expect(() => readNotebookFile(text, fileName, ids)).toThrow(
      /^This file is not a notebook we can read \(line \d+\): Two cells have the id "a"/
    );
  });
});
