/**
 * Keeps a translated notebook (notebooks/zh/NN-slug.md) in step with its English original. Drafts, share
 * links, layer names and exercises are keyed by cell ids and depend on the code, so a translation may
 * change only what a reader reads: prose, speaker notes, comments, and the text of `text`, `md`, `html`
 * and `svg` templates. Everything else — the cells, their ids and order, every identifier and every other string,
 * the sections and slides — must be the English notebook's. The build fails, naming the file, the line
 * and the cell, as soon as the two drift apart.
 */
import { Parser, type Options } from 'acorn';
import { NotebookError } from './parse.js';
import type { NotebookSpec } from './types.js';

/** Tags whose template text is prose for the reader, so a translation may reword it. */
const translatableTags = new Set(['text', 'md', 'html', 'svg']);

const acornOptions: Options = {
  ecmaVersion: 'latest',
  sourceType: 'module',
  allowAwaitOutsideFunction: true
};

/** Throws a NotebookError at the first place where `translated` departs from `english`. */
export function checkTranslation(english: NotebookSpec, translated: NotebookSpec): void {
  const ids = english.cells.map((c) => c.id);
  translated.cells.forEach((cell, i) => {
    if (cell.id !== ids[i]) {
      const expected = ids[i] ? `cell "${ids[i]}"` : 'no more cells';
      throw new NotebookError(`Cell "${cell.id}" is where the English notebook has ${expected}.`, cell.line);
    }
  });
  if (translated.cells.length < ids.length) {
    const missing = ids.slice(translated.cells.length).join('", "');
    throw new NotebookError(`Cells "${missing}" of the English notebook are missing.`, 1);
  }
  translated.cells.forEach((cell, i) => {
    const original = english.cells[i];
    if (cell.echo !== original.echo || cell.hide !== original.hide || cell.nolink !== original.nolink) {
      throw new NotebookError(
        `Cell "${cell.id}" has other flags than in the English notebook.`,
        cell.line - 1
      );
    }
    const at = firstDifference(codeFacts(original.source), codeFacts(cell.source));
    if (at !== null) {
      const before = cell.source.slice(0, at);
      const line = before.split('\n').length;
      const near = cell.source.slice(at, at + 40).split('\n')[0];
      throw new NotebookError(
        `Cell "${cell.id}" differs from the English notebook's code at “${near}” (line ${line} of the cell); ` +
          'only comments and the text of text`…`, md`…`, html`…` and svg`…` templates may be translated.',
        cell.line + line - 1
      );
    }
  });
  const levels = (spec: NotebookSpec) => spec.headings.map((h) => h.level).join(',');
  if (levels(english) !== levels(translated)) {
    throw new NotebookError(
      `The sections differ from the English notebook's: it has ${english.headings.length} headings ` +
        `(levels ${levels(english)}), this one ${translated.headings.length} (levels ${levels(translated)}).`,
      1
    );
  }
  const slides = (spec: NotebookSpec) => spec.blocks.filter((b) => b.type === 'slide').length + 1;
  if (slides(english) !== slides(translated)) {
    throw new NotebookError(
      `The English notebook has ${slides(english)} slides, this one ${slides(translated)}: keep the same --- breaks.`,
      1
    );
  }
}

/** One node of a cell's syntax tree: what it is (type and scalar fields), and where it starts in the cell. */
interface Fact {
  /** e.g. `Identifier name=conv1`, `Literal value="incep1"` */
  fact: string;
  /** offset in the cell's source */
  pos: number;
}

const wrapper = 'async function* cell() {\n';

/**
 * The cell's syntax tree as a list of facts in source order, leaving out positions, comments, quoting
 * style and the text of translatable templates. Two cells with the same facts run the same way.
 */
export function codeFacts(source: string): Fact[] {
  // Parsed as the compiler does: as the body of an async generator, so `await` and `yield` parse.
  const program = Parser.parse(`${wrapper}${source}\n}`, acornOptions);
  const facts: Fact[] = [];
  const visit = (node: Record<string, unknown>, translatable: boolean): void => {
    const scalars = Object.entries(node)
      .filter(([key, value]) => !['start', 'end', 'raw'].includes(key) && typeof value !== 'object')
      .map(([key, value]) => `${key}=${JSON.stringify(value)}`);
    // Fields that are objects but not nodes: a template's text and a regular expression's pattern.
    if (node.type === 'TemplateElement')
      scalars.push(`text=${JSON.stringify((node.value as { cooked: string }).cooked)}`);
    if (node.regex) scalars.push(`regex=${JSON.stringify(node.regex)}`);
    const isText = node.type === 'TemplateElement' && translatable;
    facts.push({
      fact: isText ? 'TemplateElement (text)' : scalars.join(' '),
      pos: (node.start as number) - wrapper.length
    });
    if (isText) return;
    const tag = node.type === 'TaggedTemplateExpression' ? (node.tag as { name?: string }).name : undefined;
    for (const [key, value] of Object.entries(node)) {
      const children = Array.isArray(value) ? value : [value];
      for (const child of children) {
        if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') {
          // Only the template's own text is translatable, not the expressions inside it.
          const inQuasi = key === 'quasi' && tag !== undefined && translatableTags.has(tag);
          visit(child as Record<string, unknown>, inQuasi || (translatable && key === 'quasis'));
        }
      }
    }
  };
  visit(program as unknown as Record<string, unknown>, false);
  return facts;
}

/** The offset (in the translated cell) where two fact lists first differ, or null when they agree. */
function firstDifference(english: Fact[], translated: Fact[]): number | null {
  const n = Math.max(english.length, translated.length);
  for (let i = 0; i < n; i++) {
    if (english[i]?.fact !== translated[i]?.fact)
      return Math.max(0, translated[i]?.pos ?? translated.at(-1)?.pos ?? 0);
  }
  return null;
}
