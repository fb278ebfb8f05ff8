/**
 * Code that arrived from a link or a file: shown in its cells, paused, and not the reader's until they
 * run it. Remembers what each such cell held before, so "discard" and Undo give the reader's own code back.
 */
import type { Messages } from '../../src/lib/i18n/en';
import type { CellView } from './cell-view.svelte';

/** Code from a link or file waiting for the reader to run or discard it. */
export interface IncomingCode {
  /** where it came from */
  origin: 'link' | 'file';
  /** ids of the cells it changed */
  cells: string[];
  /** cell ids it names that this notebook does not have */
  unknown: string[];
}

/** What the incoming code needs from the notebook session. */
export interface IncomingHost {
  readonly cells: CellView[];
  readonly words: Messages;
  cell(id: string): CellView | undefined;
  /** stops a cell from running until the reader runs it */
  pause(id: string, message: string): void;
  run(id: string): Promise<void>;
  /** puts sources into cells and runs them */
  setSources(sources: Record<string, string>): Promise<void>;
  notice(message: string): void;
  inSafeMode(): boolean;
  /** the reader's own edit of `view` is about to be replaced for good */
  replaced(view: CellView, own: string): void;
}

export class Incoming {
  /** what is waiting, for the banner */
  waiting = $state<IncomingCode | null>(null);
  /** cell id → its source before foreign code replaced it */
  private before: Record<string, string> = {};

  constructor(private readonly host: IncomingHost) {}

  /** Puts the code into its cells, each paused until the reader runs it. */
  receive(code: Record<string, string>, origin: 'link' | 'file'): void {
    let changed = 0;
    const unknown: string[] = [];
    for (const [id, source] of Object.entries(code)) {
      const view = this.host.cell(id);
      if (!view) unknown.push(id);
      if (!view || view.source === source) continue;
      if (!view.foreign) this.before[id] = view.source;
      view.load(source);
      view.foreign = origin;
      view.showCode = true;
      this.host.pause(id, this.pausedMessage(origin));
      changed++;
    }
    const cells = this.host.cells.filter((c) => c.foreign).map((c) => c.shipped.id);
    this.waiting = cells.length > 0 || unknown.length > 0 ? { origin, cells, unknown } : null;
    if (changed === 0 && unknown.length === 0) this.host.notice(this.host.words.session.noChanges(origin));
  }

  /** What a cell holding foreign code says while it waits. */
  pausedMessage(origin: 'link' | 'file'): string {
    const { pausedLink, pausedFile } = this.host.words.session;
    return origin === 'link' ? pausedLink : pausedFile;
  }

  /** The reader read the code and wants it all to run. */
  async runAll(): Promise<void> {
    for (const view of this.host.cells.filter((c) => c.foreign)) await this.host.run(view.shipped.id);
  }

  /** The reader does not want it: each cell goes back to what it held before, and runs. */
  async discard(): Promise<void> {
    const sources: Record<string, string> = {};
    for (const view of this.host.cells.filter((c) => c.foreign)) {
      sources[view.shipped.id] = this.ownSource(view);
      view.foreign = null;
    }
    this.before = {};
    this.waiting = null;
    if (!this.host.inSafeMode()) return this.host.setSources(sources);
    // Safe mode: the edit put back may be the one that froze the last visit, so it waits like the others.
    for (const [id, source] of Object.entries(sources)) {
      const view = this.host.cell(id)!;
      view.load(source);
      if (view.edited) this.host.pause(id, this.host.words.session.pausedSafe);
      else void this.host.run(id);
    }
  }

  /** Running a foreign cell is the reader's click: from now on the code is theirs. */
  accept(view: CellView): void {
    this.host.replaced(view, this.ownSource(view));
    this.settle(view);
  }

  /** The reader's own code for a cell: what it held before a link or file replaced it, if one did. */
  ownSource(view: CellView): string {
    return view.foreign ? (this.before[view.shipped.id] ?? view.shipped.source) : view.source;
  }

  /** The cell holds no foreign code any more (run, reset or discarded): update the banner. */
  settle(view: CellView): void {
    view.foreign = null;
    delete this.before[view.shipped.id];
    if (!this.waiting) return;
    const cells = this.waiting.cells.filter((id) => id !== view.shipped.id);
    this.waiting = cells.length > 0 || this.waiting.unknown.length > 0 ? { ...this.waiting, cells } : null;
  }
}
