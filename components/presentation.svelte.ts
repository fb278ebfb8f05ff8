/**
 * Presentation mode: the notebook page re-laid out as slides (contract 4: `?present` opens it, `#/<n>` is
 * the slide). Only which slide is visible changes, so cells, trained models and edits carry over.
 */
import { slideFromHash } from '../src/lib/notebook/slides';

/** Keys a lecturer (or a clicker, which sends PageUp/PageDown) uses to move through the slides. */
const nextKeys = new Set(['ArrowRight', 'PageDown', ' ']);
const previousKeys = new Set(['ArrowLeft', 'PageUp']);

/** How much Alt+click (or Z) enlarges a slide. */
export const zoomFactor = 2;

/** Messages between the presentation and its presenter window (same browser, BroadcastChannel). */
export type PresenterMessage =
  { type: 'slide'; slide: number } | { type: 'goto'; slide: number } | { type: 'hello' };

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
  /** the element that holds the slides (what zooming scales) */
  area: HTMLElement | null = null;
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
      if (event.data.type === 'goto') this.goto(event.data.slide);
      if (event.data.type === 'hello') this.announce();
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
  }

  /** Reads `?present` and `#/n` from the address (in the browser, after the static page is shown). */
  fromLocation(): void {
    this.active = /[?&]present(=|&|$)/.test(location.search);
    this.presenter = /[?&]presenter(=|&|$)/.test(location.search);
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
    if (document.fullscreenElement) void document.exitFullscreen();
    history.replaceState(history.state, '', location.pathname);
  }

  goto(slide: number): void {
    this.zoom = null;
    this.current = Math.min(Math.max(1, slide), this.count);
    // The address is the state: a reload or a shared link opens this slide.
    const query = this.active ? '?present' : '';
    history.replaceState(history.state, '', `${location.pathname}${query}#/${this.current}`);
    this.announce();
  }

  /** Handles a keydown; returns true when it was a presentation key. */
  onKey(event: KeyboardEvent): boolean {
    if (!this.active || event.altKey || event.ctrlKey || event.metaKey) return false;
    if (isEditing(event.target)) return false; // the editor has the keys (Esc leaves it first)
    if (nextKeys.has(event.key)) this.goto(this.current + 1);
    else if (previousKeys.has(event.key)) this.goto(this.current - 1);
    else if (event.key === 'Home') this.goto(1);
    else if (event.key === 'End') this.goto(this.count);
    else if (event.key === 'f' || event.key === 'F') toggleFullscreen();
    else if (event.key === 'p' || event.key === 'P') this.openPresenter();
    else if (event.key === 'l' || event.key === 'L') this.laser = !this.laser;
    else if (event.key === 'z' || event.key === 'Z') this.toggleZoom();
    else if (event.key === 'Escape' && this.zoom)
      this.zoom = null; // zoomed in: Esc zooms out first
    else if (event.key === 'Escape') this.leave();
    else return false;
    return true;
  }
}

function isEditing(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return !!target.closest('.cm-editor, input, textarea, select, [contenteditable="true"]');
}

function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen();
  else void document.documentElement.requestFullscreen?.().catch(() => {});
}
