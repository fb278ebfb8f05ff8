/**
 * Safe mode: the notebook opens with the reader's edits shown but not run, until they choose. It starts
 * when the address asks for it (`?safe`), or when the last visit left a "running" marker behind: the
 * marker is written before an edited cell runs and removed only once the page has visibly survived it —
 * still responsive and still showing the notebook a moment after the run, or unloaded by the reader
 * rather than by the run's own script. So an edit that froze the tab, reloaded or left the page, or wiped
 * the document cannot run again on the next load by itself.
 */
import type { DraftStore } from '../../src/lib/notebook/drafts';

/** Why the notebook is in safe mode. */
export type SafeReason =
  | { kind: 'asked' }
  /** the page froze or went away while running these cells */
  | { kind: 'froze'; cells: string[] }
  /** the page was still there, but no longer showing the notebook, after running these cells */
  | { kind: 'broke'; cells: string[] };

/** How long after a run settles the page must still be showing the notebook to count as having survived it. */
const graceMs = 1500;
/** A run still going after this long, in a page that stays responsive, is slow work (training), not a freeze. */
const slowMs = 3000;
/** Without the Navigation API: an unload this soon after a run settles is taken to come from the run itself. */
const scriptUnloadMs = 300;

/** The part of the Navigation API's navigate event we read (Chromium has it; older Firefox and Safari do not). */
interface NavigateEventLike extends Event {
  userInitiated: boolean;
  destination: { sameDocument: boolean };
}

export class SafeMode {
  /** set while the notebook is in safe mode */
  reason = $state<SafeReason | null>(null);
  /** the edited cells whose run has not yet been survived */
  private running: string[] = [];
  /** when the last of them settled (0 while one still runs) */
  private settledAt = 0;
  /** identifies the marker this page left, so it never clears another tab's or an earlier visit's */
  private markedAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** the page is being navigated away by script (an edit's `location.reload()`), not by the reader */
  private leavingByScript = false;
  private readonly listeners: [EventTarget, string, (event: Event) => void][] = [
    // A script's cross-document navigation while a run is not yet survived: the run did it, so keep the marker.
    [
      (globalThis as { navigation?: EventTarget }).navigation ?? new EventTarget(),
      'navigate',
      (event) => {
        const e = event as NavigateEventLike;
        if (this.running.length > 0 && !e.userInitiated && !e.destination.sameDocument)
          this.leavingByScript = true;
      }
    ],
    // Any other unload (the reader's reload, a link) after the run settled: the page survived it.
    [globalThis as unknown as EventTarget, 'pagehide', () => this.onPageHide()],
    [globalThis as unknown as EventTarget, 'pageshow', () => (this.leavingByScript = false)]
  ];

  constructor(
    private readonly store: () => DraftStore,
    /** whether the notebook is still on screen (an edit could have wiped the document) */
    private readonly isAlive: () => boolean
  ) {}

  /** Decides at load whether to start in safe mode; `search` is the address's query. */
  open(search: string): void {
    const marker = this.store().leftoverRunning();
    if (marker) {
      const cells = marker.cellId.split(',');
      this.reason = { kind: marker.broken ? 'broke' : 'froze', cells };
    } else if (/[?&]safe(=|&|$)/.test(search)) {
      this.reason = { kind: 'asked' };
    }
    for (const [target, type, listener] of this.listeners) target.addEventListener(type, listener);
  }

  /** Safe mode is under way: the marker has done its job, and the next load opens normally. */
  started(): void {
    this.store().clearRunning();
  }

  /** The reader chose to run their edits after all. */
  end(): void {
    this.reason = null;
  }

  /** Edited cells are about to run: leave the marker. */
  markRunning(cells: string[]): void {
    this.running = cells;
    this.settledAt = 0;
    this.markedAt = this.store().markRunning(cells.join(','));
    this.checkAfter(slowMs);
  }

  /** A cell finished (or failed): once the page has shown it survived, the marker goes. */
  settled(id: string): void {
    if (!this.running.includes(id)) return;
    this.settledAt = Date.now();
    this.checkAfter(graceMs);
  }

  dispose(): void {
    // Leaving for another notebook inside the site: the run was survived if the page still shows it.
    if (this.running.length > 0 && this.settledAt > 0) this.check();
    clearTimeout(this.timer);
    for (const [target, type, listener] of this.listeners) target.removeEventListener(type, listener);
  }

  private onPageHide(): void {
    if (this.running.length === 0 || this.settledAt === 0 || this.leavingByScript) return;
    const hasNavigationApi = 'navigation' in globalThis;
    if (!hasNavigationApi && Date.now() - this.settledAt < scriptUnloadMs) return;
    this.check();
  }

  private checkAfter(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check(), ms);
  }

  /** Clears the marker if the page is still showing the notebook; else marks the run as having broken it. */
  private check(): void {
    clearTimeout(this.timer);
    if (this.leavingByScript || this.running.length === 0) return;
    if (this.isAlive()) this.store().clearRunning(this.markedAt);
    else this.store().markRunning(this.running.join(','), this.markedAt, true);
    this.running = [];
  }
}
