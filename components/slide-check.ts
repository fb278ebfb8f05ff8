/**
 * The slide check (dev server only). The authoring view (SlideCheck.svelte) loads its own notebook in a
 * 1280×720 iframe with `?present&slidecheck`; the page there runs its cells, steps through its slides and
 * posts back how much each one had to be shrunk to fit. Heights are only known after the cells have run, in
 * a real layout at that size, which is why it is a live page and not a calculation.
 */
import type { Presentation } from './presentation.svelte';

/** The size slides are checked at: a common projector and the smallest screen we lecture on. */
export const checkViewport = { width: 1280, height: 720 };

/** How one slide fits. */
export interface SlideFit {
  /** 1-based slide number, as in `#/<n>` */
  slide: number;
  /** how much the slide is shrunk to fit (1 = not at all), as the topbar's "scaled to fit" */
  scale: number;
  /** the slide's first heading, '' when it has none */
  title: string;
}

/** What the checked page posts to the authoring view. */
export type SlideCheckMessage =
  { type: 'slidecheck'; fits: SlideFit[] } | { type: 'slidecheck'; error: string };

/** The page was opened by the slide check (`?slidecheck` in the query). */
export const isSlideCheck = (search: string) => new URLSearchParams(search).has('slidecheck');

export function isSlideCheckMessage(data: unknown): data is SlideCheckMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Record<string, unknown>;
  return message.type === 'slidecheck' && (Array.isArray(message.fits) || typeof message.error === 'string');
}

/** The slides that are shrunk: exactly those whose topbar says "scaled to fit". */
export const overflowing = (fits: SlideFit[]) => fits.filter((fit) => fit.scale < 1);

/**
 * A scale as the topbar shows it (0.724 → "72"), but with a decimal when rounding would say "100" of a
 * slide that is shrunk a little (0.997 → "99.7", rounded down): a list of overflows should not claim 100 %.
 */
export function percent(scale: number): string {
  const rounded = Math.round(scale * 100);
  return rounded === 100 && scale < 1 ? (Math.floor(scale * 1000) / 10).toFixed(1) : String(rounded);
}

/**
 * Resolves true once no cell has been running for `quiet` ms, or false after `timeout` ms. A quiet period
 * rather than a single look, because a cell that finishes often starts the cells that depend on it.
 */
export function settled(
  states: () => string[],
  { quiet = 1000, timeout = 60_000, poll = 100 } = {}
): Promise<boolean> {
  const start = Date.now();
  let lastBusy = start;
  return new Promise((done) => {
    const look = () => {
      const now = Date.now();
      if (states().includes('running')) lastBusy = now;
      if (now - lastBusy >= quiet) done(true);
      else if (now - start >= timeout) done(false);
      else setTimeout(look, poll);
    };
    look();
  });
}

/** How long the checked page waits for its cells before giving up. */
export const cellTimeout = 60_000;

const frame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));

/**
 * In the iframe: waits for the cells, measures every slide and posts the fits to the authoring view.
 * Does nothing unless the page was opened by the slide check. Returns the cleanup (stops measuring).
 */
export function answerSlideCheck(
  presentation: Pick<Presentation, 'count' | 'goto'>,
  article: HTMLElement,
  scale: () => number
): () => void {
  if (!isSlideCheck(location.search) || window.parent === window) return () => {};
  let stopped = false;
  const cellStates = () =>
    [...article.querySelectorAll<HTMLElement>('[data-cell-state]')].map((cell) => cell.dataset.cellState!);
  // targetOrigin is our own: the report goes to the authoring view on this dev server, nowhere else.
  const post = (message: SlideCheckMessage) => window.parent.postMessage(message, location.origin);

  void (async () => {
    if (!(await settled(cellStates, { timeout: cellTimeout }))) {
      const running = article.querySelectorAll<HTMLElement>('[data-cell-state="running"]');
      const ids = [...running].map((cell) => `“${cell.dataset.cellId}”`).join(', ');
      post({ type: 'slidecheck', error: `cells ${ids} were still running after ${cellTimeout / 1000} s` });
      return;
    }
    const fits: SlideFit[] = [];
    for (let n = 1; n <= presentation.count && !stopped; n++) {
      presentation.goto(n);
      // A slide that becomes visible can re-run cells (outputs sized to their width): let them settle,
      // then give the fit computation (a ResizeObserver in Notebook.svelte) two frames to run.
      await settled(cellStates, { quiet: 200, timeout: 5000 });
      await frame();
      await frame();
      const slide = article.querySelector(`[data-slide="${n}"]`);
      // The notebook's own headings only (the title, prose), not headings that cells print.
      const heading = slide?.querySelector(':scope > h1, .prose :is(h1, h2, h3, h4, h5, h6)');
      fits.push({ slide: n, scale: scale(), title: heading?.textContent?.trim() ?? '' });
    }
    if (!stopped) post({ type: 'slidecheck', fits });
  })();
  return () => {
    stopped = true;
  };
}
