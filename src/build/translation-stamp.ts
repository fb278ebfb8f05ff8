/**
 * Keeps a Chinese notebook's prose in step with its English original. drift.ts catches code that drifts;
 * prose cannot be compared across languages, so each translation names the English version it was
 * written from: `translated-from:` in its front matter holds the English file's git blob id (what
 * `git hash-object notebooks/NN-slug.md` prints). Any change to the English notebook changes that id, and
 * the build stops until the Chinese edition is brought along, printing the `git diff` of the two English
 * versions, which is exactly what the Chinese prose has to catch up with.
 */
import { createHash } from 'node:crypto';
import { NotebookError } from '../lib/notebook/parse.js';

/** Git's object id of a file with this text (sha-1 of "blob <bytes>\0" and the bytes). */
export function blobId(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

const stampLine = /^translated-from:[ \t]*([0-9a-f]*)[ \t]*$/m;

/** Throws a NotebookError (at the stamp's line) unless `translation` was written from `english` as it is. */
export function checkStamp(translation: string, english: string, englishFile: string): void {
  const current = blobId(english);
  const frontMatter = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(translation)?.[0] ?? '';
  const match = stampLine.exec(frontMatter);
  if (!match) {
    throw new NotebookError(
      `The front matter needs "translated-from: ${current}": the version of ${englishFile} this translation follows.`,
      1
    );
  }
  if (match[1] === current) return;
  const line = frontMatter.slice(0, match.index).split('\n').length;
  throw new NotebookError(
    `${englishFile} has changed since this translation was written from it. See what changed with ` +
      `"git diff ${match[1]} ${current}", bring the Chinese edition along, then set "translated-from: ${current}".`,
    line
  );
}
