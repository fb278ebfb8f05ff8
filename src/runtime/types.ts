/** The compiled notebook module a `notebooks/*.md` import provides (see src/lib/notebook/module.ts). */
import type { Block, Heading, NotebookMeta } from '../lib/notebook/types.js';
import type { Wording } from '../lib/i18n/worded.js';

/** A shipped cell, compiled at build time. */
export interface ShippedCell {
  /** the cell id */
  id: string;
  /** the original source */
  source: string;
  /** hash of `source`, kept with drafts to notice when the original changes */
  sourceHash: string;
  /** show the code by default */
  echo: boolean;
  /** hide the output */
  hide: boolean;
  /** its input starts heavy work: share links neither carry nor set it */
  nolink: boolean;
  /** 1-based line of the code in the Markdown file */
  line: number;
  /** names read */
  inputs: string[];
  /** names declared */
  outputs: string[];
  /** show the value */
  autodisplay: boolean;
  /** a note for the reader when the cell shows nothing (the page words it) */
  hint?: Wording;
  /** the source highlighted as HTML (for the page before the editor loads) */
  code: string;
  /** the compiled function */
  body: (...args: unknown[]) => unknown;
}

export interface NotebookModule {
  meta: NotebookMeta;
  headings: Heading[];
  blocks: Block[];
  cells: ShippedCell[];
}
