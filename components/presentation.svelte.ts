/**
 * Presentation mode: the notebook page re-laid out as slides (contract 4: `?present` opens it, `#/<n>` is
 * the slide). Only which slide is visible changes, so cells, trained models and edits carry over.
 */
import { slideFromHash } from '../src/lib/notebook/slides';
import type { SlideSnapshot } from './slide-snapshot';

/** Keys a lecturer (or a clicker, which sends PageUp/PageDown or arrows) uses to move through the slides. */
const nextKeys = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ']);
const previousKeys = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

/** A move through the slides, relative to wherever the presentation is when it arrives. */
export type Move = 'next' | 'previous' | 'first' | 'last';

/** The move a key asks for, or null for any other key. The presenter window moves the slides with the same keys. */
export function moveFor(key: string): Move | null {
  if (nextKeys.has(key)) return 'next';
  if (previousKeys.has(key)) return 'previous';
  if (key === 'Home') return 'first';
  if (key === 'End') return 'last';
  return null;
}

/** Where a move takes the presentation from slide `current` of `count`. */
export function applyMove(move: Move, current: number, count: number): number {
  if (move === 'next') return Math.min(current + 1, count);
  if (move === 'previous') return Math.max(current - 1, 1);
  return move === 'first' ? 1 : count;
}

/** Where a moving key takes the presentation (next, previous, first, last), or null for any other key. */
export function stepFor(key: string, current: number, count: number): number | null {
  const move = moveFor(key);
  return move === null ? null : applyMove(move, current, count);
}

/** How much Alt+click (or Z) enlarges a slide. */
export const zoomFactor = 2;

/** Messages between the presentation and its presenter window (same browser, BroadcastChannel). */
export type PresenterMessage =
  | { type: 'slide'; slide: number }
  /** the presenter window's keys and buttons: applied by the slides window, which owns the slide number, so
   * keys pressed faster than the windows talk are each applied to the slide the one before led to */
  | { type: 'move'; move: Move }
  | { type: 'hello' }
  /** what the next slide shows now, outputs included (null past the last slide) */
  | { type: 'preview'; of: number; snapshot: SlideSnapshot | null };

/** The channel both windows of one notebook share. */
export const presenterChannel = (slug: string) => `nb-present:${slug}`;

export class Presentation {
  /** presenting now */
  active = $state(false);
  /** the current slide, 1-based */
  current = $state(1);
  /** this window is the presenter view (notes, next slide, timer), not the slides */
  presenter = $state(false);
  /** the mouse pointer is shown as a bright dot the back row can follow (L) */
  laser = $state(false);
  /** zoomed in (Alt+click or Z) on this point of the slide area, in its own pixels */
  zoom = $state<{ x: number; y: number } | null>(null);
  /** the overview of all slides is open (O) */
  overview = $state(false);
  /** the screen is blanked (B); any key brings the slide back */
  blank = $state(false);
  /** the list of keys is shown (?) */
  help = $state(false);
  /** digits typed so far to go to a slide by number (Enter goes) */
  typed = $state('');
  /** presenting the notebook's own code, whatever drafts this machine holds (`?present&original`) */
  original = $state(false);
  /** a presenter window has said hello: the next slide's preview is worth sending */
  presenterSeen = $state(false);
  /** the element that holds the slides (what zooming scales) */
  area: HTMLElement | null = null;
  /** a slide as the audience sees it (set by the page, which owns the slides); null past the end */
  snapshot: (slide: number) => SlideSnapshot | null = () => null;
  private lastPreview = '';
  /** where the mouse pointer was last, for Z */
  private pointer: { x: number; y: number } | null = null;
  /** how many slides there are */
  readonly count: number;
  private readonly slug: string;
  private channel: BroadcastChannel | null = null;

  constructor(count: number, slug: string) {
    this.count = count;
    this.slug = slug;
  }

  /** Keeps a presenter window in step: answers its hello, follows its next/previous. Returns the cleanup. */
  connect(): () => void {
    if (typeof BroadcastChannel === 'undefined') return () => {};
    const channel = new BroadcastChannel(presenterChannel(this.slug));
    channel.onmessage = (event: MessageEvent<PresenterMessage>) => {
      if (event.data.type === 'move') this.goto(applyMove(event.data.move, this.current, this.count));
      if (event.data.type === 'hello') {
        this.presenterSeen = true;
        this.lastPreview = '';
        this.announce();
      }
    };
    this.channel = channel;
    return () => {
      channel.close();
      this.channel = null;
    };
  }

  /** Opens the presenter view (notes, next slide, timer) in a second window. */
  openPresenter(): void {
    window.open(
      `${location.pathname}?presenter#/${this.current}`,
      `presenter-${this.slug}`,
      'width=1000,height=700'
    );
  }

  private announce(): void {
    this.channel?.postMessage({ type: 'slide', slide: this.current } satisfies PresenterMessage);
    this.sendPreview();
  }

  /** Sends the presenter window the next slide as it looks now, unless it has that already. */
  sendPreview(): void {
    if (!this.channel || !this.presenterSeen) return;
    const of = this.current + 1;
    const snapshot = of <= this.count ? this.snapshot(of) : null;
    const key = `${of}:${snapshot?.fontSize}:${snapshot?.viewport.width}:${snapshot?.html}`;
    if (key === this.lastPreview) return;
    this.lastPreview = key;
    this.channel.postMessage({ type: 'preview', of, snapshot } satisfies PresenterMessage);
  }

  /** The address's query while presenting (the original stays the original on reload). */
  private get query(): string {
    return this.original ? '?present&original' : '?present';
  }

  /** Reads `?present` and `#/n` from the address (in the browser, after the static page is shown). */
  fromLocation(): void {
    this.active = /[?&]present(=|&|$)/.test(location.search);
    this.presenter = /[?&]presenter(=|&|$)/.test(location.search);
    this.original = /[?&]original(=|&|$)/.test(location.search);
    this.current = slideFromHash(location.hash, this.count);
  }

  enter(slide = this.current): void {
    this.active = true;
    this.goto(slide);
  }

  /**
   * Zooms in around a point of the window (which stays where it is on screen), or back out when zoomed in
   * already. Alt+click zooms on the clicked point; Z on the mouse pointer, or the middle of the window.
   */
  toggleZoom(
    clientX = this.pointer?.x ?? innerWidth / 2,
    clientY = this.pointer?.y ?? innerHeight / 2
  ): void {
    if (this.zoom || !this.area) {
      this.zoom = null;
      return;
    }
    const box = this.area.getBoundingClientRect(); // unscaled here, so the origin is in the area's own pixels
    this.zoom = { x: clientX - box.left, y: clientY - box.top };
  }

  /** Remembers the pointer (for Z); returns the cleanup. */
  trackPointer(): () => void {
    const move = (event: PointerEvent) => (this.pointer = { x: event.clientX, y: event.clientY });
    window.addEventListener('pointermove', move, { passive: true });
    return () => window.removeEventListener('pointermove', move);
  }

  leave(): void {
    this.active = false;
    this.zoom = null;
    this.laser = false;
    this.closeOverlays();
    if (document.fullscreenElement) void document.exitFullscreen();
    // The original stays shown (and says so) until the reader reloads without `?original`.
    history.replaceState(history.state, '', location.pathname + (this.original ? '?original' : ''));
  }

  private closeOverlays(): void {
    this.overview = false;
    this.blank = false;
    this.help = false;
    this.typed = '';
  }

  /**
   * Leaves the presentation when the browser left full screen by itself: there Esc ends full screen and the
   * page never sees the key, so the lecturer's first Esc would otherwise do nothing visible. Returns the cleanup.
   */
  watchFullscreen(): () => void {
    const change = () => {
      if (document.fullscreenElement || this.exitingFullscreen) this.exitingFullscreen = false;
      else if (this.active) this.leave();
    };
    document.addEventListener('fullscreenchange', change);
    return () => document.removeEventListener('fullscreenchange', change);
  }
  private exitingFullscreen = false;

  goto(slide: number): void {
    this.zoom = null;
    this.current = Math.min(Math.max(1, slide), this.count);
    // The address is the state: a reload or a shared link opens this slide.
    const query = this.active ? this.query : this.original ? '?original' : '';
    history.replaceState(history.state, '', `${location.pathname}${query}#/${this.current}`);
    this.announce();
  }

  /** Handles a keydown; returns true when it was a presentation key. */
  onKey(event: KeyboardEvent): boolean {
    if (!this.active || event.altKey || event.ctrlKey || event.metaKey) return false;
    if (editsText(event.target)) {
      // The editor has the keys, and Esc leaves it first (CodeMirror does that itself).
      if (event.key !== 'Escape' || (event.target as Element).closest('.cm-editor')) return false;
      (event.target as HTMLElement).blur();
      return true;
    }
    if (['Shift', 'Control', 'Alt', 'Meta', 'CapsLock'].includes(event.key)) return false;
    if (this.blank || this.help) {
      // Any key brings the slide back (and does nothing else).
      this.blank = this.help = false;
      return true;
    }
    if (this.overview) return this.overviewKey(event.key);
    if (/^[0-9]$/.test(event.key)) {
      this.typed = (this.typed + event.key).slice(-4);
      return true;
    }
    if (this.typed && event.key === 'Enter') {
      this.goto(Number(this.typed));
      this.typed = '';
      return true;
    }
    if (this.typed && event.key === 'Backspace') {
      this.typed = this.typed.slice(0, -1);
      return true;
    }
    if (this.typed) {
      this.typed = ''; // any other key forgets the number; Esc does only that
      if (event.key === 'Escape') return true;
    }
    if (takesArrows(event.target) && event.key.startsWith('Arrow')) return false; // a slider on the slide
    const step = stepFor(event.key, this.current, this.count);
    if (step !== null) this.goto(step);
    else if (event.key === 'f' || event.key === 'F') this.toggleFullscreen();
    else if (event.key === 'p' || event.key === 'P') this.openPresenter();
    else if (event.key === 'l' || event.key === 'L') this.laser = !this.laser;
    else if (event.key === 'z' || event.key === 'Z') this.toggleZoom();
    else if (event.key === 'o' || event.key === 'O') this.openOverview();
    else if (event.key === 'b' || event.key === 'B' || event.key === '.') this.blank = true;
    else if (event.key === '?') this.help = true;
    else if (event.key === 'Escape' && this.zoom)
      this.zoom = null; // zoomed in: Esc zooms out first
    else if (event.key === 'Escape') this.leave();
    else return false;
    return true;
  }

  /** the slide picked in the overview (arrows move it, Enter opens it) */
  picked = $state(1);
  /** how many slides a row of the overview holds (set by the overview, for ↑ and ↓) */
  overviewColumns = 4;

  openOverview(): void {
    this.picked = this.current;
    this.overview = true;
  }

  private overviewKey(key: string): boolean {
    const moves: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: this.overviewColumns,
      ArrowUp: -this.overviewColumns
    };
    if (key in moves) this.picked = Math.min(Math.max(1, this.picked + moves[key]), this.count);
    else if (key === 'Home') this.picked = 1;
    else if (key === 'End') this.picked = this.count;
    else if (key === 'Enter' || key === ' ') this.pick(this.picked);
    else if (key === 'Escape' || key === 'o' || key === 'O') this.overview = false;
    else return false;
    return true;
  }

  /** Opens a slide from the overview. */
  pick(slide: number): void {
    this.overview = false;
    this.goto(slide);
  }

  private toggleFullscreen(): void {
    if (document.fullscreenElement) {
      this.exitingFullscreen = true;
      void document.exitFullscreen();
    } else void document.documentElement.requestFullscreen?.().catch(() => {});
  }
}

/** Where keys type text: an editor, a text field. */
function editsText(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('.cm-editor, textarea, select, [contenteditable="true"]')) return true;
  return (
    target instanceof HTMLInputElement && !['range', 'checkbox', 'radio', 'button'].includes(target.type)
  );
}

/** A control that the arrow keys move (a slider, a radio group). */
function takesArrows(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement && ['range', 'radio'].includes(target.type);
}
