/**
 * Reading progress per notebook, kept in localStorage so it survives reloads and sittings: which
 * sections the reader has seen, which exercises they solved, and where they were last.
 */
import type { StorageLike } from './drafts.js';

/** What is stored for one notebook. */
export interface Progress {
  /** ids of the headings the reader has scrolled past */
  visited: string[];
  /** ids of the cells whose exercise the reader solved */
  solved: string[];
  /** the heading id the reader was at last */
  lastSection: string | null;
  /** when progress last changed (ms since epoch) */
  updatedAt: number;
}

export const progressKey = (slug: string) => `nb:v1:${slug}:progress`;
const empty = (): Progress => ({ visited: [], solved: [], lastSection: null, updatedAt: 0 });

export function loadProgress(storage: StorageLike | null, slug: string): Progress {
  try {
    const parsed = JSON.parse(storage?.getItem(progressKey(slug)) ?? 'null') as Partial<Progress> | null;
    if (!parsed) return empty();
    return {
      visited: Array.isArray(parsed.visited) ? parsed.visited.filter((v) => typeof v === 'string') : [],
      solved: Array.isArray(parsed.solved) ? parsed.solved.filter((v) => typeof v === 'string') : [],
      lastSection: typeof parsed.lastSection === 'string' ? parsed.lastSection : null,
      updatedAt: typeof parsed.updatedAt === 'number' ? parsed.updatedAt : 0
    };
  } catch {
    return empty(); // damaged or unreadable: start afresh rather than break the page
  }
}

export function saveProgress(storage: StorageLike | null, slug: string, progress: Progress): void {
  try {
    storage?.setItem(progressKey(slug), JSON.stringify(progress));
  } catch {
    // full or blocked: progress is a convenience, the page works without it
  }
}

/** The notebook read most recently, for "continue where you left off" on the index. */
export function latestProgress(
  storage: (StorageLike & { length: number; key(index: number): string | null }) | null
): { slug: string; progress: Progress } | null {
  if (!storage) return null;
  let latest: { slug: string; progress: Progress } | null = null;
  try {
    for (let i = 0; i < storage.length; i++) {
      const match = /^nb:v1:(.+):progress$/.exec(storage.key(i) ?? '');
      if (!match) continue;
      const progress = loadProgress(storage, match[1]);
      if (progress.lastSection && (!latest || progress.updatedAt > latest.progress.updatedAt)) {
        latest = { slug: match[1], progress };
      }
    }
  } catch {
    return null;
  }
  return latest;
}
