/**
 * One open notebook: the reactive state the page shows (each cell's source, state and flags) and the
 * actions a reader takes (edit, run, reset, undo, download). It owns the engine and the draft store.
 */
import { DraftStore, type Draft, type RunningMarker, type StorageLike } from '../lib/notebook/drafts.js';
import { standardBuiltins, type Builtins } from './builtins.js';
import { NotebookEngine, type CellReport, type CellState } from './engine.js';
import type { ViewValues } from './view-values.js';
import { compileEdit } from './evaluate.js';
import type { NotebookModule, ShippedCell } from './types.js';

/** A cell as the page shows it. */
export class CellView {
  /** the shipped cell */
  readonly shipped: ShippedCell;
  /** the source in the editor now */
  source = $state('');
  /** the source that last ran (or is running) */
  ranSource = $state('');
  /** the engine's state for the cell, or dirty while the editor differs from what ran */
  engineState = $state<CellState>('idle');
  /** 1-based line of the current error, if any */
  errorLine = $state<number | undefined>(undefined);
  /** the current error's message, if any */
  errorMessage = $state('');
  /** 0-based column of the current syntax error, if any */
  errorColumn = $state<number | undefined>(undefined);
  /** whether the code is shown */
  showCode = $state(false);
  /** the shipped original has changed since the reader's draft was started */
  originalChanged = $state(false);
  /** counts resets, so an open editor knows to reload its text */
  revision = $state(0);
  /** the code came from a link or a file someone else made; it has not run, and runs only on the reader's word */
  foreign = $state<'link' | 'file' | null>(null);

  constructor(shipped: ShippedCell) {
    this.shipped = shipped;
    this.source = this.ranSource = shipped.source;
    this.showCode = shipped.echo;
  }

  /** differs from the shipped original */
  get edited(): boolean {
    return this.source !== this.shipped.source;
  }

  get state(): CellState {
    return this.source !== this.ranSource ? 'dirty' : this.engineState;
  }
}

/** Code that arrived from a link or a file, waiting for the reader to run or discard it. */
export interface Incoming {
  /** where it came from */
  origin: 'link' | 'file';
  /** ids of the cells it changed */
  cells: string[];
  /** cell ids it names that this notebook does not have */
  unknown: string[];
}

const pausedForeign = {
  link: 'This code came with the link you opened and has not run. Read it, then press Run (or Shift+Enter) to run it.',
  file: 'This code came from the file you opened and has not run. Read it, then press Run (or Shift+Enter) to run it.'
};

/** The last reset, so it can be undone. */
interface UndoEntry {
  /** what the undo button says */
  label: string;
  /** cell id → source before the reset */
  sources: Record<string, string>;
}

export class NotebookSession {
  readonly notebook: NotebookModule;
  readonly cells: CellView[];
  /** why drafts are not being saved, if they are not */
  problem = $state<string | null>(null);
  /** set when the last visit froze while running an edited cell */
  safeMode = $state<RunningMarker | null>(null);
  /** the last reset, offered for undo */
  undo = $state<UndoEntry | null>(null);
  /** code from a link or file that has not run yet */
  incoming = $state<Incoming | null>(null);
  /** problems with what a link or file carried (shown once, near the top) */
  notices = $state<string[]>([]);
  private drafts = new DraftStore(null, '');
  private savedDrafts: Record<string, Draft> = {};
  private engine: NotebookEngine | null = null;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- filled once in the constructor, never changes
  private readonly byId = new Map<string, CellView>();
  private runningMarkerTimer: ReturnType<typeof setTimeout> | undefined;
  private runningCell: string | null = null;
  /** cell id → its source before foreign code replaced it, for "discard" */
  private beforeIncoming: Record<string, string> = {};

  constructor(notebook: NotebookModule) {
    this.notebook = notebook;
    this.cells = notebook.cells.map((cell) => new CellView(cell));
    for (const view of this.cells) this.byId.set(view.shipped.id, view);
  }

  /**
   * Restores the reader's drafts (in the browser, after the static page is on screen, so the
   * prerendered HTML and the first render agree) and notices a run that froze the last visit.
   */
  open(storage: StorageLike | null): void {
    this.drafts = new DraftStore(storage, this.notebook.meta.slug);
    this.savedDrafts = this.drafts.load().cells;
    this.safeMode = this.drafts.leftoverRunning();
    for (const [id, draft] of Object.entries(this.savedDrafts)) {
      const view = this.byId.get(id);
      if (!view) continue;
      view.source = draft.source;
      view.revision++;
      view.originalChanged = draft.baseHash !== view.shipped.sourceHash;
      if (view.edited) view.showCode = true;
    }
    this.problem = this.drafts.problem;
  }

  /** Cells the reader edited (code from a link or file that has not run is not theirs yet). */
  get editedCount(): number {
    return this.cells.filter((c) => c.edited && !c.foreign).length;
  }

  /** The reader's own code for a cell: what it held before a link or file replaced it, if one did. */
  private ownSource(view: CellView): string {
    return view.foreign ? (this.beforeIncoming[view.shipped.id] ?? view.shipped.source) : view.source;
  }

  cell(id: string): CellView | undefined {
    return this.byId.get(id);
  }

  /** Starts the engine; `outputOf(id)` is the element a cell's output goes into. */
  async start(
    outputOf: (id: string) => HTMLElement,
    measureWidth: () => number,
    extra: Builtins = {},
    views: ViewValues | null = null
  ) {
    const engine = new NotebookEngine(
      { ...standardBuiltins(measureWidth), ...extra },
      (id, report) => this.onReport(id, report),
      views
    );
    this.engine = engine;
    const edits: CellView[] = [];
    for (const view of this.cells) {
      engine.add({ ...view.shipped }, outputOf(view.shipped.id));
      if (view.foreign) engine.pause(view.shipped.id, pausedForeign[view.foreign]);
      else if (view.edited) edits.push(view);
    }
    if (this.safeMode) {
      for (const view of edits) {
        engine.pause(
          view.shipped.id,
          'Paused: this cell holds your edit, and the last visit froze while running an edited cell. Press Run (or Shift+Enter) to run it.'
        );
      }
      this.drafts.clearRunning();
      return;
    }
    for (const view of edits) await this.run(view.shipped.id);
  }

  /**
   * Shows code from a link or a file in its cells without running it: each such cell is paused until the
   * reader runs it (or all of them), and it is not saved as the reader's draft until then.
   */
  receive(code: Record<string, string>, origin: 'link' | 'file'): void {
    const cells: string[] = [];
    const unknown: string[] = [];
    for (const [id, source] of Object.entries(code)) {
      const view = this.byId.get(id);
      if (!view) unknown.push(id);
      if (!view || view.source === source) continue;
      if (!view.foreign) this.beforeIncoming[id] = view.source;
      view.source = source;
      view.foreign = origin;
      view.showCode = true;
      view.revision++;
      cells.push(id);
      this.engine?.pause(id, pausedForeign[origin]);
    }
    const waiting = this.cells.filter((c) => c.foreign).map((c) => c.shipped.id);
    this.incoming = waiting.length > 0 || unknown.length > 0 ? { origin, cells: waiting, unknown } : null;
    if (cells.length === 0 && unknown.length === 0)
      this.notice(`The ${origin} holds no changes to this notebook's cells.`);
  }

  /** The reader read the foreign code and wants it all to run. */
  async runIncoming(): Promise<void> {
    for (const view of this.cells.filter((c) => c.foreign)) await this.run(view.shipped.id);
  }

  /** The reader does not want the foreign code: each cell goes back to what it held before, and runs. */
  async discardIncoming(): Promise<void> {
    const sources: Record<string, string> = {};
    for (const view of this.cells.filter((c) => c.foreign)) {
      sources[view.shipped.id] = this.ownSource(view);
      view.foreign = null;
    }
    this.beforeIncoming = {};
    this.incoming = null;
    if (!this.safeMode) return this.setSources(sources);
    // Safe mode: the edit put back may be the one that froze the last visit, so it waits like the others.
    for (const [id, source] of Object.entries(sources)) {
      const view = this.byId.get(id)!;
      view.source = source;
      view.revision++;
      if (view.edited) this.engine?.pause(id, 'Paused: safe mode. Press Run (or Shift+Enter) to run it.');
      else void this.run(id);
    }
  }

  /** Shows a problem near the top of the page until the reader dismisses it. */
  notice(message: string): void {
    this.notices = [...this.notices, message];
  }

  /** The editor's text changed (nothing runs until the reader asks). */
  edit(id: string, source: string): void {
    const view = this.byId.get(id);
    if (view) view.source = source;
  }

  /** Runs a cell's current source: save the draft first, then compile and redefine. */
  async run(id: string): Promise<void> {
    const view = this.byId.get(id);
    const engine = this.engine;
    if (!view || !engine) return;
    if (view.foreign) this.accept(view);
    this.saveDrafts();
    view.ranSource = view.source;
    view.engineState = 'running'; // at once, not a frame later when the runtime gets to it
    view.errorLine = view.errorColumn = undefined;
    if (!view.edited) {
      engine.replace({ ...view.shipped });
      return;
    }
    this.markRunning(id);
    try {
      const cell = await compileEdit(id, view.source);
      engine.replace(cell);
    } catch (error) {
      const e = error as Error & { line?: number; column?: number };
      view.errorColumn = e.column;
      engine.fail(id, e);
    }
  }

  /** Puts the shipped source back; undoable. */
  async reset(id: string): Promise<void> {
    const view = this.byId.get(id);
    if (!view || !view.edited) return;
    this.undo = this.undoEntry(`Reset cell “${id}”`, [view]);
    await this.setSources({ [id]: view.shipped.source });
  }

  async resetAll(): Promise<void> {
    const edited = this.cells.filter((c) => c.edited);
    if (edited.length === 0) return;
    this.undo = this.undoEntry(`Reset ${edited.length} edited cell${edited.length > 1 ? 's' : ''}`, edited);
    await this.setSources(Object.fromEntries(edited.map((c) => [c.shipped.id, c.shipped.source])));
  }

  async undoReset(): Promise<void> {
    const entry = this.undo;
    if (!entry) return;
    this.undo = null;
    await this.setSources(entry.sources);
  }

  /** Safe mode: the reader chose to run their edited cells after all. */
  async runPaused(): Promise<void> {
    this.safeMode = null;
    // The reader's own edits only: code from a link or file keeps waiting for its own Run.
    for (const view of this.cells.filter((c) => c.edited && !c.foreign)) await this.run(view.shipped.id);
  }

  /** The notebook's Markdown with the reader's edits, for "Download my version". */
  async exportMarkdown(original: string): Promise<string> {
    const { applyEdits } = await import('../lib/notebook/export.js');
    const edits = Object.fromEntries(this.cells.map((c) => [c.shipped.id, this.ownSource(c)]));
    return applyEdits(original, this.notebook.cells, edits);
  }

  /** Names for autocomplete: builtins and every name a cell declares. */
  names(): string[] {
    return this.engine?.names() ?? [];
  }

  dispose(): void {
    clearTimeout(this.runningMarkerTimer);
    this.engine?.dispose();
    this.engine = null;
  }

  private async setSources(sources: Record<string, string>): Promise<void> {
    for (const [id, source] of Object.entries(sources)) {
      const view = this.byId.get(id);
      if (!view) continue;
      if (view.foreign) this.settle(view); // a reset or undo: the reader's choice, not the foreign code's
      view.source = source;
      view.revision++;
      if (!view.edited) view.originalChanged = false;
    }
    for (const id of Object.keys(sources)) await this.run(id);
  }

  /**
   * What Undo puts back after a reset: the reader's own code. Code from a link or file that never ran is
   * left out (undoing would run it, and the reader never chose to); the reader's edit it covered is kept.
   */
  private undoEntry(label: string, views: CellView[]): UndoEntry | null {
    const sources: Record<string, string> = {};
    for (const view of views) {
      const own = this.ownSource(view);
      if (own !== view.shipped.source) sources[view.shipped.id] = own;
    }
    return Object.keys(sources).length > 0 ? { label, sources } : null;
  }

  /** Running a foreign cell is the reader's click: from now on the code is theirs, saved like any edit. */
  private accept(view: CellView): void {
    const own = this.ownSource(view);
    if (own !== view.shipped.source) {
      // The reader's own edit is about to be replaced for good: keep it one Undo away.
      this.undo = {
        label: `Your edit of “${view.shipped.id}” was replaced`,
        sources: { [view.shipped.id]: own }
      };
    }
    this.settle(view);
  }

  /** The cell holds no foreign code any more (run, reset or discarded): update the banner. */
  private settle(view: CellView): void {
    view.foreign = null;
    delete this.beforeIncoming[view.shipped.id];
    if (!this.incoming) return;
    const cells = this.incoming.cells.filter((id) => id !== view.shipped.id);
    this.incoming = cells.length > 0 || this.incoming.unknown.length > 0 ? { ...this.incoming, cells } : null;
  }

  private saveDrafts(): void {
    const cells: Record<string, Draft> = {};
    for (const view of this.cells) {
      if (view.foreign) {
        // Not run yet, so not the reader's: keep whatever draft they had, lest a reload run it unasked.
        if (this.savedDrafts[view.shipped.id]) cells[view.shipped.id] = this.savedDrafts[view.shipped.id];
        continue;
      }
      if (!view.edited) continue;
      const previous = this.savedDrafts[view.shipped.id];
      // Keep the hash of the original the reader started from, so a later change to it is noticed.
      const baseHash = previous?.baseHash ?? view.shipped.sourceHash;
      cells[view.shipped.id] = { source: view.source, baseHash, savedAt: Date.now() };
    }
    for (const id of Object.keys(this.savedDrafts)) delete this.savedDrafts[id];
    Object.assign(this.savedDrafts, cells);
    if (!this.drafts.save({ cells })) this.problem = this.drafts.problem;
    else if (this.problem && !this.drafts.problem) this.problem = null;
  }

  /**
   * Leaves a marker while an edited cell runs. It is cleared when the cell settles, or after a few seconds
   * in which the page stayed responsive (a slow async cell, such as training, is not a frozen page).
   */
  private markRunning(id: string): void {
    this.drafts.markRunning(id);
    this.runningCell = id;
    clearTimeout(this.runningMarkerTimer);
    this.runningMarkerTimer = setTimeout(() => this.clearRunning(), 3000);
  }

  private clearRunning(): void {
    this.runningCell = null;
    this.drafts.clearRunning();
  }

  private onReport(id: string, report: CellReport): void {
    const view = this.byId.get(id);
    if (!view) return;
    view.engineState = report.state;
    if (report.state === 'error') {
      view.errorLine = report.line;
      view.errorMessage = report.error instanceof Error ? report.error.message : String(report.error);
    }
    if (report.state !== 'running' && id === this.runningCell) this.clearRunning();
  }
}
