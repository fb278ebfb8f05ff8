/** The shapes a notebook takes from Markdown file to page. */

/** Front matter, as written. */
export interface NotebookMeta {
  /** page title */
  title: string;
  /** one or two sentences for the index page */
  summary: string;
  /** estimated read-through time in minutes, if the author stated it */
  minutes?: number;
  /** the URL slug (`01-one-by-one-convolution.md` → `one-by-one-convolution`) */
  slug: string;
  /** position on the index page, from the file name's NN prefix */
  order: number;
  /** built and reachable by URL, but not listed on the index (test pages) */
  hidden?: boolean;
  /** the language it is written in: 'en', or 'zh' for notebooks/zh/ */
  locale: 'en' | 'zh';
}

/** The notebooks listed just before and after one, for its previous / next links. */
export interface Neighbours {
  /** the one before, or null for the first */
  previous: NotebookMeta | null;
  /** the one after, or null for the last */
  next: NotebookMeta | null;
}

/** A run of prose between code cells and slide breaks, already rendered to HTML. */
export interface ProseBlock {
  type: 'prose';
  /** rendered HTML (Markdown + KaTeX) */
  html: string;
}

/** A code cell as written in the notebook. */
export interface CellBlock {
  type: 'cell';
  /** the cell's id from ```js id=… */
  id: string;
}

/** `---`: the start of a new slide in presentation mode. */
export interface SlideBreak {
  type: 'slide';
}

/** ```notes: what the lecturer says on this slide; shown only in the presenter view. */
export interface NotesBlock {
  type: 'notes';
  /** rendered HTML */
  html: string;
}

export type Block = ProseBlock | CellBlock | SlideBreak | NotesBlock;

/** A heading, for the table of contents. */
export interface Heading {
  /** 2 for ##, 3 for ### */
  level: number;
  /** plain text of the heading */
  text: string;
  /** the element id (anchor) */
  id: string;
}

/** A cell as parsed from Markdown, before compiling. */
export interface CellSpec {
  /** unique within the notebook, stable across edits */
  id: string;
  /** the JavaScript source */
  source: string;
  /** show the code by default */
  echo: boolean;
  /** do not show the output */
  hide: boolean;
  /** its input starts heavy work: share links neither carry nor set it */
  nolink: boolean;
  /** 1-based line of the first source line in the Markdown file */
  line: number;
}

/** A parsed notebook: what the Markdown says, nothing compiled yet. */
export interface NotebookSpec {
  meta: NotebookMeta;
  blocks: Block[];
  cells: CellSpec[];
  headings: Heading[];
}
