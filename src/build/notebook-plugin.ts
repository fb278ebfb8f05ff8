/**
 * The Vite plugin that turns each `notebooks/*.md` into a JavaScript module at build time (and on every
 * save in dev). A mistake in a notebook fails the build with the file and line.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { compileNotebookModule } from '../lib/notebook/module.js';
import { NotebookError } from '../lib/notebook/parse.js';
import { checkStamp } from './translation-stamp.js';

const notebookFile = /[\\/]notebooks[\\/](zh[\\/])?\d+-[a-z0-9-]+\.md$/;
const translation = /[\\/]zh([\\/][^\\/]+)$/;

export function notebooks(): Plugin {
  return {
    name: 'notebooks',
    enforce: 'pre',
    transform(markdown, id) {
      if (!notebookFile.test(id)) return null; // also skips `?raw` imports, which Vite handles itself
      try {
        // A translation (notebooks/zh/…) is checked against its English original, and rebuilt when it changes:
        // the same code (drift.ts), and prose written from the English as it is now (translation-stamp.ts).
        const originalFile = translation.test(id) ? id.replace(translation, '$1') : null;
        if (originalFile) this.addWatchFile(originalFile);
        const original = originalFile ? readFileSync(originalFile, 'utf8') : undefined;
        if (originalFile && original !== undefined) {
          checkStamp(markdown, original, originalFile.slice(originalFile.search(/notebooks[\\/]/)));
        }
        return { code: compileNotebookModule(markdown, id, original), map: null };
      } catch (error) {
        if (error instanceof NotebookError) {
          const file = id.slice(id.search(/notebooks[\\/]/));
          this.error({ message: `${file}:${error.line}: ${error.message}`, id, loc: { line: error.line, column: 0 } });
        }
        throw error;
      }
    }
  };
}
