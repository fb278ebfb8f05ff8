/**
 * The section half of share links: which section the reader is in, and opening a link at its section
 * even though the page grows under it (outputs and diagrams appear after the browser has scrolled to the
 * anchor, pushing it away).
 */

/** The heading of the section at the top of the screen (the last one scrolled past), if any. */
export function currentSection(article: HTMLElement): { id: string; text: string } | null {
  let current: HTMLElement | null = null;
  for (const heading of article.querySelectorAll<HTMLElement>('h2[id], h3[id]')) {
    // A heading counts once it is in the top third of the screen.
    if (heading.getBoundingClientRect().top > window.innerHeight / 3) break;
    current = heading;
  }
  return current ? { id: current.id, text: current.textContent?.trim() ?? current.id } : null;
}

/**
 * Scrolls to the heading and keeps it at the top while the page above it grows, until the reader scrolls
 * or clicks themselves (or 15 s pass). Returns the function that lets go early, or null when the notebook
 * has no such section.
 */
export function holdSection(article: HTMLElement, id: string): (() => void) | null {
  const heading = document.getElementById(id);
  if (!heading || !article.contains(heading)) return null;
  const place = () => heading.scrollIntoView({ block: 'start' });
  const observer = new ResizeObserver(place);
  const release = () => {
    observer.disconnect();
    for (const type of readerMoves) window.removeEventListener(type, release);
  };
  const readerMoves = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
  for (const type of readerMoves) window.addEventListener(type, release, { passive: true });
  observer.observe(article);
  const timer = setTimeout(release, 15_000);
  place();
  return () => {
    clearTimeout(timer);
    release();
  };
}
