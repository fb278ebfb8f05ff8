/**
 * Parses a notebook's Markdown into a NotebookSpec: front matter, prose blocks, code cells and slide
 * breaks. Prose is rendered to HTML here (at build time), so the page shows it before any script runs.
 */
import type { Token } from 'markdown-it';
import { parse as parseYaml } from 'yaml';
import { createMarkdown } from './markdown.js';
import { withMaths } from './markdown-maths.js';
import type { Block, CellSpec, Heading, NotebookMeta, NotebookSpec } from './types.js';

/** An error in a notebook file, with the 1-based line it is on. */
export class NotebookError extends Error {
  /** 1-based line in the Markdown file */
  line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = 'NotebookError';
    this.line = line;
  }
}

const defaultMarkdown = withMaths(createMarkdown());

/** A renderer that names the headings, in order, with `ids` (then falls back to the usual slugs). */
function markdownWithIds(ids: string[]) {
  let next = 0;
  const fallback = (text: string) => encodeURIComponent(text.trim().toLowerCase().replace(/\s+/g, '-'));
  return withMaths(createMarkdown({ slugify: (text) => ids[next++] ?? fallback(text) }));
}
const fileNamePattern = /^(\d+)-([a-z0-9-]+)\.md$/;
const cellIdPattern = /^[A-Za-z][\w-]*$/;

/** `notebooks/02-inception.md` → { order: 2, slug: 'inception' }. */
export function slugOf(fileName: string): { order: number; slug: string } {
  const base = fileName.split('/').pop() ?? fileName;
  const match = fileNamePattern.exec(base);
  if (!match)
    throw new NotebookError(`A notebook file is named NN-slug.md (e.g. 01-intro.md), not "${base}".`, 1);
  return { order: Number(match[1]), slug: match[2] };
}

/** Options for parsing a translation. */
export interface ParseOptions {
  /** ids for the h2/h3 headings, in order: a translation keeps its original's, so links and the language switch find the same section */
  headingIds?: string[];
}

export function parseNotebook(text: string, fileName: string, options: ParseOptions = {}): NotebookSpec {
  const { data, body, bodyLine } = splitFrontMatter(text);
  const meta = toMeta(data, fileName);
  const md = options.headingIds ? markdownWithIds(options.headingIds) : defaultMarkdown;
  const tokens = md.parse(body, {});
  const blocks: Block[] = [];
  const cells: CellSpec[] = [];
  const headings: Heading[] = [];
  let prose: Token[] = [];

  const flushProse = () => {
    if (prose.length) blocks.push({ type: 'prose', html: md.renderer.render(prose, md.options, {}) });
    prose = [];
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const line = bodyLine + (token.map?.[0] ?? 0);
    if (token.type === 'hr' && token.level === 0) {
      flushProse();
      blocks.push({ type: 'slide' });
    } else if (token.type === 'fence' && token.info.trim() === 'notes') {
      flushProse();
      blocks.push({ type: 'notes', html: defaultMarkdown.render(token.content) });
    } else if (token.type === 'fence' && isCellFence(token.info)) {
      flushProse();
      const cell = toCell(token, line);
      if (cells.some((c) => c.id === cell.id)) {
        throw new NotebookError(`Two cells have the id "${cell.id}"; each cell id must be unique.`, line);
      }
      cells.push(cell);
      blocks.push({ type: 'cell', id: cell.id });
    } else {
      if (token.type === 'heading_open' && (token.tag === 'h2' || token.tag === 'h3')) {
        headings.push({
          level: Number(token.tag[1]),
          text: String(tokens[i + 1].content),
          id: String(token.attrGet('id') ?? '')
        });
      }
      prose.push(token);
    }
  }
  flushProse();
  return { meta, blocks, cells, headings };
}

function splitFrontMatter(text: string): { data: Record<string, unknown>; body: string; bodyLine: number } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!match) return { data: {}, body: text, bodyLine: 1 };
  let data: unknown;
  try {
    data = parseYaml(match[1]);
  } catch (error) {
    throw new NotebookError(`The front matter is not valid YAML: ${(error as Error).message}`, 2);
  }
  const bodyLine = match[0].split('\n').length;
  return { data: (data ?? {}) as Record<string, unknown>, body: text.slice(match[0].length), bodyLine };
}

function toMeta(data: Record<string, unknown>, fileName: string): NotebookMeta {
  const { order, slug } = slugOf(fileName);
  if (typeof data.title !== 'string' || !data.title.trim()) {
    throw new NotebookError('The front matter needs a title: "title: …".', 1);
  }
  return {
    title: data.title,
    summary: typeof data.summary === 'string' ? data.summary : '',
    minutes: typeof data.minutes === 'number' ? data.minutes : undefined,
    slug,
    order,
    locale: /(^|[\\/])zh[\\/][^\\/]+$/.test(fileName) ? 'zh' : 'en',
    ...(data.hidden === true ? { hidden: true } : {})
  };
}

/**
 * Flags after a cell's id: `echo` shows its code, `hide` its output; `nolink` marks a cell whose input
 * starts heavy work (training), which a share link must never set, since opening a link runs nothing unasked.
 */
const cellFlags = ['echo', 'hide', 'nolink'];

/** ```js id=… fences are cells; any other fence (```python, plain ```js) stays as static prose. */
function isCellFence(info: string): boolean {
  const words = info.trim().split(/\s+/);
  return words[0] === 'js' && words.some((w) => w.startsWith('id='));
}

function toCell(token: Token, line: number): CellSpec {
  const words = token.info.trim().split(/\s+/).slice(1);
  let id = '';
  const flags = new Set<string>();
  for (const word of words) {
    if (word.startsWith('id=')) id = word.slice(3);
    else flags.add(word);
  }
  if (!cellIdPattern.test(id)) {
    throw new NotebookError(
      `Cell id "${id}" must start with a letter and use only letters, digits, - and _.`,
      line
    );
  }
  for (const flag of flags) {
    if (!cellFlags.includes(flag)) {
      throw new NotebookError(
        `Unknown cell flag "${flag}" on cell "${id}" (known flags: ${cellFlags.join(', ')}).`,
        line
      );
    }
  }
  const source = token.content.replace(/\n$/, '');
  return {
    id,
    source,
    echo: flags.has('echo'),
    hide: flags.has('hide'),
    nolink: flags.has('nolink'),
    line: line + 1
  };
}
