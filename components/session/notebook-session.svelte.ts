/**
 * One open notebook: the cells as the page shows them and the actions a reader takes (edit, run). It
 * owns the engine; drafts, safe mode, reset/undo and code from links or files live in their own modules
 * beside this one.
 */
import type { Messages } from '../../src/lib/i18n/en';
import { word } from '../../src/lib/i18n/worded';
import type { StorageLike } from '../../src/lib/notebook/drafts';
import { standardBuiltins, type Builtins } from '../../src/runtime/builtins';
import { NotebookEngine, type CellReport, type EngineCell } from '../../src/runtime/engine';
import { compileEdit } from '../../src/runtime/evaluate';
import type { NotebookModule } from '../../src/runtime/types';
import type { ViewValues } from '../../src/runtime/view-values';
import { CellView } from './cell-view.svelte';
import { DraftKeeper } from './draft-keeper';
import { Incoming } from './incoming.svelte';
import { Resets } from './resets.svelte';
import { SafeMode } from './safe-mode.svelte';

export class NotebookSession {
  readonly notebook: NotebookModule;
  readonly cells: CellView[];
  readonly words: Messages;
  /** problems with what a link or file carried (shown once, near the top) */
  notices = $state<string[]>([]);
  /** why drafts are not being saved, in words, if they are not */
  problem = $state<string | null>(null);
  readonly incoming: Incoming;
  readonly resets: Resets;
  readonly safe: SafeMode;
  private readonly drafts = new DraftKeeper();
  private engine: NotebookEngine | null = null;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- filled once in the constructor, never changes
  private readonly byId = new Map<string, CellView>();

  constructor(notebook: NotebookModule, words: Messages, isAlive: () => boolean) {
    this.notebook = notebook;
    this.words = words;
    this.cells = notebook.cells.map((cell) => new CellView(cell));
    for (const view of this.cells) this.byId.set(view.shipped.id, view);
    this.safe = new SafeMode(() => this.drafts.store, isAlive);
    const setSources = (sources: Record<string, string>) => this.setSources(sources);
    this.incoming = new Incoming({
      cells: this.cells,
      words,
      cell: (id) => this.cell(id),
      pause: (id, message) => this.engine?.pause(id, message),
      run: (id) => this.run(id),
      setSources,
      notice: (message) => this.notice(message),
      inSafeMode: () => this.safe.reason !== null,
      replaced: (view, own) => this.resets.replaced(view, own)
    });
    this.resets = new Resets(this.cells, words, (view) => this.incoming.ownSource(view), setSources);
  }

  /**
   * Restores the reader's drafts (in the browser, after the static page is on screen, so the prerendered
   * HTML and the first render agree) and decides whether to open in safe mode.
   */
  open(storage: StorageLike | null, search: string): void {
    this.drafts.restore(storage, this.notebook.meta.slug, this.byId);
    this.safe.open(search);
    this.showProblem();
  }

  /** Cells the reader edited (code from a link or file that has not run is not theirs yet). */
  get editedCount(): number {
    return this.cells.filter((c) => c.edited && !c.foreign).length;
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
      this.words,
      (id, report) => this.onReport(id, report),
      views
    );
    this.engine = engine;
    const edits = this.cells.filter((c) => c.edited && !c.foreign);
    // The reader's drafts are compiled before any cell is added: the runtime computes on the next frame,
    // and the shipped version of an edited cell (and everything after it) must never run first.
    const compiled = this.safe.reason ? [] : await Promise.all(edits.map((view) => this.compile(view)));
    if (this.engine !== engine) return; // the page went away meanwhile
    for (const view of this.cells) {
      engine.add({ ...view.shipped }, outputOf(view.shipped.id));
      if (view.foreign) engine.pause(view.shipped.id, this.incoming.pausedMessage(view.foreign));
    }
    if (this.safe.reason) {
      for (const view of edits) engine.pause(view.shipped.id, this.words.session.pausedSafe);
      this.safe.started();
      return;
    }
    if (edits.length > 0) this.safe.markRunning(edits.map((view) => view.shipped.id));
    edits.forEach((view, i) => {
      this.markStarted(view);
      this.apply(view, compiled[i]);
    });
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
    if (!view || !this.engine) return;
    if (view.foreign) this.incoming.accept(view);
    this.drafts.save(this.cells);
    this.showProblem();
    this.markStarted(view);
    if (!view.edited) {
      this.engine.replace({ ...view.shipped });
      return;
    }
    this.safe.markRunning([id]);
    this.apply(view, await this.compile(view));
  }

  /** Safe mode: the reader chose to run their edited cells after all. */
  async runPaused(): Promise<void> {
    this.safe.end();
    // The reader's own edits only: code from a link or file keeps waiting for its own Run.
    for (const view of this.cells.filter((c) => c.edited && !c.foreign)) await this.run(view.shipped.id);
  }

  /** cell id → the reader's own code, for "Download my version". */
  ownSources(): Record<string, string> {
    return Object.fromEntries(this.cells.map((c) => [c.shipped.id, this.incoming.ownSource(c)]));
  }

  /** Names for autocomplete: builtins and every name a cell declares. */
  names(): string[] {
    return this.engine?.names() ?? [];
  }

  dispose(): void {
    this.safe.dispose();
    this.engine?.dispose();
    this.engine = null;
  }

  private async compile(view: CellView): Promise<EngineCell | Error> {
    try {
      // An edited cell keeps its notebook flags: a "Train live" toggle stays out of links when rewritten.
      return { ...(await compileEdit(view.shipped.id, view.source)), nolink: view.shipped.nolink };
    } catch (error) {
      return error as Error;
    }
  }

  /** Hands a compiled edit (or its compile error) to the engine. */
  private apply(view: CellView, compiled: EngineCell | Error): void {
    if (compiled instanceof Error) {
      view.errorColumn = (compiled as { column?: number }).column;
      this.engine?.fail(view.shipped.id, compiled);
    } else {
      this.engine?.replace(compiled);
    }
  }

  private markStarted(view: CellView): void {
    view.ranSource = view.source;
    view.engineState = 'running'; // at once, not a frame later when the runtime gets to it
    view.errorLine = view.errorColumn = undefined;
  }

  /** Puts sources into their cells (a reset, an undo, a discard) and runs them. */
  private async setSources(sources: Record<string, string>): Promise<void> {
    for (const [id, source] of Object.entries(sources)) {
      const view = this.byId.get(id);
      if (!view) continue;
      if (view.foreign) this.incoming.settle(view); // the reader's choice, not the foreign code's
      view.load(source);
      if (!view.edited) view.originalChanged = false;
    }
    for (const id of Object.keys(sources)) await this.run(id);
  }

  private showProblem(): void {
    const problem = this.drafts.problem;
    this.problem = problem ? word({ key: problem, params: undefined }, this.words) : null;
  }

  private onReport(id: string, report: CellReport): void {
    const view = this.byId.get(id);
    if (!view) return;
    view.engineState = report.state;
    if (report.state === 'error') {
      view.errorLine = report.line;
      view.errorMessage = report.message ?? '';
    }
    if (report.state !== 'running') this.safe.settled(id);
  }
}
