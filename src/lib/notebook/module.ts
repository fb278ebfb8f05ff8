/**
 * Compiles a notebook's Markdown into the source of an ES module (what the Vite plugin returns for a
 * `notebooks/*.md` import). Cell bodies are emitted as real functions, so shipped cells run without eval.
 * Any mistake in a shipped notebook throws a NotebookError with the line in the Markdown file.
 */
import { findCycle } from './cell-graph.js';
import { CellSyntaxError, compileCell, type CompiledCell } from './compile.js';
import { hashSource } from './hash.js';
import { highlightJs } from './highlight.js';
import { checkTranslation } from './drift.js';
import { NotebookError, parseNotebook } from './parse.js';
import type { CellSpec, NotebookSpec } from './types.js';

/**
 * `original`, for a translation (notebooks/zh/NN-slug.md), is the English notebook's Markdown: the
 * translation takes its heading ids and must keep its cells and code (drift.ts).
 */
export function compileNotebookModule(markdown: string, fileName: string, original?: string): string {
  const spec = original ? parseTranslation(markdown, fileName, original) : parseNotebook(markdown, fileName);
  const compiled = spec.cells.map((cell) => ({ cell, compiled: compileOrThrow(cell) }));
  checkNames(compiled);

  const cells = compiled.map(({ cell, compiled }) => {
    const data = {
      id: cell.id,
      source: cell.source,
      sourceHash: hashSource(cell.source),
      echo: cell.echo,
      hide: cell.hide,
      nolink: cell.nolink,
      line: cell.line,
      inputs: compiled.inputs,
      outputs: compiled.outputs,
      autodisplay: compiled.autodisplay,
      hint: compiled.hint,
      code: highlightJs(cell.source)
    };
    const fields = JSON.stringify(data).slice(1, -1);
    return `{${fields}, body: ${compiled.body}}`;
  });

  return [
    `export const meta = ${JSON.stringify(spec.meta)};`,
    `export const headings = ${JSON.stringify(spec.headings)};`,
    `export const blocks = ${JSON.stringify(spec.blocks)};`,
    `export const cells = [\n${cells.join(',\n')}\n];`,
    'export default { meta, headings, blocks, cells };',
    ''
  ].join('\n');
}

function parseTranslation(markdown: string, fileName: string, original: string): NotebookSpec {
  const english = parseNotebook(original, fileName.replace(/[\\/]zh([\\/][^\\/]+)$/, '$1'));
  const spec = parseNotebook(markdown, fileName, { headingIds: english.headings.map((h) => h.id) });
  checkTranslation(english, spec);
  return spec;
}

function compileOrThrow(cell: CellSpec): CompiledCell {
  try {
    return compileCell(cell.source);
  } catch (error) {
    if (error instanceof CellSyntaxError) {
      throw new NotebookError(`Cell "${cell.id}": ${error.message}`, cell.line + error.line - 1);
    }
    throw error;
  }
}

/** A shipped notebook may not define a name twice or contain a cycle. */
function checkNames(cells: { cell: CellSpec; compiled: CompiledCell }[]): void {
  const deps = cells.map(({ cell, compiled }) => ({
    id: cell.id,
    inputs: compiled.inputs,
    outputs: compiled.outputs
  }));
  const seen = new Map<string, string>();
  for (const { cell, compiled } of cells) {
    for (const name of compiled.outputs) {
      const other = seen.get(name);
      if (other)
        throw new NotebookError(
          `Cell "${cell.id}" defines \`${name}\`, which cell "${other}" already defines.`,
          cell.line
        );
      seen.set(name, cell.id);
    }
  }
  for (const [i, cell] of deps.entries()) {
    const cycle = findCycle(deps, cell);
    if (cycle)
      throw new NotebookError(
        `Cell "${cell.id}" is part of a circular definition: ${cycle.join(' → ')}.`,
        cells[i].cell.line
      );
  }
}
