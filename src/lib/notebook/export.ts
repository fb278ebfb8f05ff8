/**
 * "Download my version": the notebook's Markdown with each edited cell's code put in place of the
 * original, everything else (prose, fences, flags) untouched.
 */
import type { CellSpec } from './types.js';

export function applyEdits(
  markdown: string,
  cells: Pick<CellSpec, 'id' | 'line' | 'source'>[],
  edits: Record<string, string>
): string {
  const lines = markdown.split('\n');
  // From the last cell up, so earlier line numbers stay valid as the line count changes.
  const edited = cells.filter((c) => edits[c.id] !== undefined).sort((a, b) => b.line - a.line);
  for (const cell of edited) {
    const count = cell.source === '' ? 0 : cell.source.split('\n').length;
    const replacement = edits[cell.id] === '' ? [] : edits[cell.id].replace(/\n+$/, '').split('\n');
    lines.splice(cell.line - 1, count, ...replacement);
  }
  return lines.join('\n');
}
