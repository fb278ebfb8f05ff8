/**
 * Saves and restores the reader's drafts (src/lib/notebook/drafts.ts does the storage). Code from a link or
 * a file is not the reader's until they run it, so it is never saved over their own draft.
 */
import { DraftStore, type Draft, type DraftProblem, type StorageLike } from '../../src/lib/notebook/drafts';
import type { CellView } from './cell-view.svelte';

export class DraftKeeper {
  /** the storage, for the running marker too */
  store = new DraftStore(null, '');
  private saved: Record<string, Draft> = {};

  /** Opens the notebook's drafts and puts each into its cell. */
  restore(storage: StorageLike | null, slug: string, byId: Map<string, CellView>): void {
    this.store = new DraftStore(storage, slug);
    this.saved = this.store.load().cells;
    for (const [id, draft] of Object.entries(this.saved)) {
      const view = byId.get(id);
      if (!view) continue;
      view.load(draft.source);
      view.originalChanged = draft.baseHash !== view.shipped.sourceHash;
      if (view.edited) view.showCode = true;
    }
  }

  /** Why drafts are not being saved, if they are not. */
  get problem(): DraftProblem | null {
    return this.store.problem;
  }

  /** Saves every edited cell. */
  save(views: CellView[]): void {
    const cells: Record<string, Draft> = {};
    for (const view of views) {
      const id = view.shipped.id;
      if (view.foreign) {
        // Not run yet, so not the reader's: keep whatever draft they had, lest a reload run it unasked.
        if (this.saved[id]) cells[id] = this.saved[id];
        continue;
      }
      if (!view.edited) continue;
      // Keep the hash of the original the reader started from, so a later change to it is noticed.
      const baseHash = this.saved[id]?.baseHash ?? view.shipped.sourceHash;
      cells[id] = { source: view.source, baseHash, savedAt: Date.now() };
    }
    this.saved = cells;
    this.store.save({ cells });
  }
}
