/**
 * "Open a file…": reads a notebook Markdown file (say, one a classmate made with "Download my version")
 * and picks out the code of the cells this notebook has. The page then shows that code without running it.
 */
import { WordedError } from '../i18n/worded.js';
import { parseNotebook } from './parse.js';

/** The cells a file holds for this notebook. */
export interface OpenedFile {
  /** cell id → source, for the cells both have */
  code: Record<string, string>;
  /** the file's own title */
  title: string;
}

/**
 * Throws a message for the reader when the file is not a notebook, or not a version of this one.
 * `fileName` is this notebook's own file name (`02-inception.md`): a download may have been renamed.
 */
export function readNotebookFile(text: string, fileName: string, cellIds: string[]): OpenedFile {
  let spec;
  try {
    spec = parseNotebook(text, fileName);
  } catch (error) {
    const line = (error as { line?: number }).line ?? null;
    throw new WordedError('fileNotNotebook', { line, why: (error as Error).message });
  }
  const known = new Set(cellIds);
  const shared = spec.cells.filter((cell) => known.has(cell.id));
  if (shared.length === 0) throw new WordedError('fileNotThisNotebook', { title: spec.meta.title });
  return { code: Object.fromEntries(shared.map((cell) => [cell.id, cell.source])), title: spec.meta.title };
}
