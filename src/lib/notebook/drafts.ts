/**
 * A reader's edits, kept in localStorage per notebook so a reload shows their version. Also the
 * "running" marker: set before an edited cell runs and cleared once it settles; if it is still there
 * when the page loads, the last run froze the tab and the notebook opens in safe mode.
 *
 * Storage can be missing, full or corrupted; none of that may break the page. Every call catches, and
 * `problem` names what went wrong (the page words it) so the reader learns drafts are not being saved.
 */

import type { ErrorKey } from '../i18n/worded.js';

/** Why drafts are not being saved, as the catalogue key that words it (draftsFull, draftsDamaged, …). */
export type DraftProblem = Extract<ErrorKey, `drafts${string}`>;

/** One edited cell. */
export interface Draft {
  /** the reader's source */
  source: string;
  /** hash of the shipped source when the reader started editing */
  baseHash: string;
  /** when it was saved (ms since epoch) */
  savedAt: number;
}

/** What is stored for one notebook. */
export interface NotebookDrafts {
  /** cell id → draft */
  cells: Record<string, Draft>;
}

/** The marker left while an edited cell runs. */
export interface RunningMarker {
  /** the cell that was running */
  cellId: string;
  /** when it started (ms since epoch) */
  startedAt: number;
  /** set when the page was found broken after the run (its notebook gone from the document) */
  broken?: boolean;
}

/** The subset of the Web Storage API we use (so tests can pass a fake). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const draftsKey = (slug: string) => `nb:v1:${slug}`;
export const runningKey = (slug: string) => `nb:v1:${slug}:running`;

export class DraftStore {
  /** why drafts are not being saved, or null when all is well */
  problem: DraftProblem | null = null;
  private readonly storage: StorageLike | null;
  private readonly slug: string;

  constructor(storage: StorageLike | null, slug: string) {
    this.storage = storage;
    this.slug = slug;
    if (!storage) this.problem = 'draftsNoStorage';
  }

  load(): NotebookDrafts {
    const text = this.read(draftsKey(this.slug));
    if (text === null) return { cells: {} };
    try {
      const parsed = JSON.parse(text) as NotebookDrafts;
      if (!parsed || typeof parsed.cells !== 'object') throw new Error('no cells');
      const cells: Record<string, Draft> = {};
      for (const [id, draft] of Object.entries(parsed.cells)) {
        if (typeof draft?.source === 'string') cells[id] = draft;
      }
      return { cells };
    } catch {
      this.problem = 'draftsDamaged';
      return { cells: {} };
    }
  }

  /** Saves all drafts; returns false (and sets `problem`) when storage refuses. */
  save(drafts: NotebookDrafts): boolean {
    if (Object.keys(drafts.cells).length === 0) return this.remove(draftsKey(this.slug));
    return this.write(draftsKey(this.slug), JSON.stringify(drafts));
  }

  /** Leaves the marker for a run starting `now`; returns `now`, which identifies this marker. */
  markRunning(cellId: string, now = Date.now(), broken = false): number {
    const marker: RunningMarker = { cellId, startedAt: now, ...(broken ? { broken } : {}) };
    this.write(runningKey(this.slug), JSON.stringify(marker));
    return now;
  }

  /**
   * Removes the marker. With `startedAt`, only the marker of that run: another tab's, or one left by an
   * earlier visit, stays.
   */
  clearRunning(startedAt?: number): void {
    if (startedAt !== undefined && this.leftoverRunning()?.startedAt !== startedAt) return;
    this.remove(runningKey(this.slug));
  }

  /** The marker a frozen run left behind, if any. */
  leftoverRunning(): RunningMarker | null {
    const text = this.read(runningKey(this.slug));
    if (text === null) return null;
    try {
      const marker = JSON.parse(text) as RunningMarker;
      return typeof marker?.cellId === 'string' ? marker : { cellId: '?', startedAt: 0 };
    } catch {
      return { cellId: '?', startedAt: 0 };
    }
  }

  private read(key: string): string | null {
    try {
      return this.storage?.getItem(key) ?? null;
    } catch {
      this.problem = 'draftsUnreadable';
      return null;
    }
  }

  private write(key: string, value: string): boolean {
    if (!this.storage) return false;
    try {
      this.storage.setItem(key, value);
      // Saving works (again): whatever stopped it before, or a damaged record now overwritten, is over.
      this.problem = null;
      return true;
    } catch (error) {
      const full = error instanceof DOMException && /quota/i.test(error.name + error.message);
      this.problem = full ? 'draftsFull' : 'draftsRefused';
      return false;
    }
  }

  private remove(key: string): boolean {
    try {
      this.storage?.removeItem(key);
      return true;
    } catch {
      return false;
    }
  }
}
