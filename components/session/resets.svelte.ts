/**
 * Reset and undo: a reset puts the shipped code back, and the last one can be undone. Undo gives back the
 * reader's own code only — code from a link or file that never ran is left out (undoing would run it, and
 * the reader never chose to); the reader's edit it covered is kept.
 */
import type { Messages } from '../../src/lib/i18n/en';
import type { CellView } from './cell-view.svelte';

/** The last reset, kept so the reader can undo it. */
export interface UndoEntry {
  /** what the undo button says */
  label: string;
  /** cell id → source before the reset */
  sources: Record<string, string>;
}

export class Resets {
  /** the last reset, offered for undo */
  undo = $state<UndoEntry | null>(null);

  constructor(
    private readonly cells: CellView[],
    private readonly words: Messages,
    /** the reader's own code for a cell (not code from a link that never ran) */
    private readonly ownSource: (view: CellView) => string,
    /** puts sources into cells and runs them */
    private readonly setSources: (sources: Record<string, string>) => Promise<void>
  ) {}

  /** Puts one cell's shipped source back. */
  async reset(view: CellView): Promise<void> {
    if (!view.edited) return;
    this.undo = this.entry(this.words.session.resetCell(view.shipped.id), [view]);
    await this.setSources({ [view.shipped.id]: view.shipped.source });
  }

  async resetAll(): Promise<void> {
    const edited = this.cells.filter((c) => c.edited);
    if (edited.length === 0) return;
    this.undo = this.entry(this.words.session.resetCells(edited.length), edited);
    await this.setSources(Object.fromEntries(edited.map((c) => [c.shipped.id, c.shipped.source])));
  }

  async undoReset(): Promise<void> {
    const entry = this.undo;
    if (!entry) return;
    this.undo = null;
    await this.setSources(entry.sources);
  }

  /** The reader ran code from a link over their own edit: keep that edit one Undo away. */
  replaced(view: CellView, own: string): void {
    if (own === view.shipped.source) return;
    this.undo = {
      label: this.words.session.editReplaced(view.shipped.id),
      sources: { [view.shipped.id]: own }
    };
  }

  private entry(label: string, views: CellView[]): UndoEntry | null {
    const sources: Record<string, string> = {};
    for (const view of views) {
      const own = this.ownSource(view);
      if (own !== view.shipped.source) sources[view.shipped.id] = own;
    }
    return Object.keys(sources).length > 0 ? { label, sources } : null;
  }
}
