/**
 * Every word the page shows a reader, in English: one entry per message. A message is a string, or a
 * function of its parameters when it has any (so plurals and numbers read naturally). The Chinese
 * catalogue has exactly the same keys; `catalogue.test.ts` fails when either lacks one.
 *
 * Group keys by where the reader meets them (`cell…`, `engine…`, `slides…`); add new words here, never
 * inline in a component.
 */
export const en = {
  /** a cell's state, in the bar under it */
  cellState: {
    idle: 'not run',
    dirty: 'edited — Shift+Enter to run',
    running: 'running…',
    ok: 'done',
    error: 'error'
  }
};

/** The shape every catalogue has: the English one's. */
export type Messages = typeof en;
