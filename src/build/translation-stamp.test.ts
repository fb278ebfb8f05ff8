import { describe, expect, it } from 'vitest';
import { blobId, checkStamp } from './translation-stamp.js';

const english = '---\ntitle: Inception\n---\n\nSome prose.\n';
const translation = (stamp: string) => `---\ntitle: Inception 模块\ntranslated-from: ${stamp}\n---\n\n一些文字。\n`;

describe('translation stamps', () => {
  it('blobId() is the id git gives the same text', () => {
    // `printf 'hello\n' | git hash-object --stdin`
    expect(blobId('hello\n')).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
    expect(blobId('卷积\n')).toMatch(/^[0-9a-f]{40}$/);
  });

  it('checkStamp() accepts a translation written from the English text as it is', () => {
    expect(() => checkStamp(translation(blobId(english)), english, 'notebooks/02-inception.md')).not.toThrow();
  });

  it('checkStamp() stops a translation whose English original has changed, with the git diff to read', () => {
    const old = blobId(english);
    const changed = english.replace('Some prose.', 'Other prose.');
    expect(() => checkStamp(translation(old), changed, 'notebooks/02-inception.md')).toThrow(
      `notebooks/02-inception.md has changed since this translation was written from it. See what changed with "git diff ${old} ${blobId(changed)}"`
    );
    try {
      checkStamp(translation(old), changed, 'notebooks/02-inception.md');
    } catch (error) {
      expect((error as { line: number }).line).toBe(3);
    }
  });

  it('checkStamp() asks for the stamp when there is none', () => {
    expect(() => checkStamp('---\ntitle: 模块\n---\n', english, 'notebooks/02-inception.md')).toThrow(
      `The front matter needs "translated-from: ${blobId(english)}"`
    );
  });
});
