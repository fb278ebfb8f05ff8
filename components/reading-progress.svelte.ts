/**
 * Tracks a reader's progress through one notebook: sections seen (a heading that has scrolled into
 * view), exercises solved (an exercise element that reported `data-solved="true"`), and the last section,
 * for "continue where you left off". Kept in localStorage by src/lib/notebook/progress.ts.
 */
import { loadProgress, saveProgress, type Progress } from '../src/lib/notebook/progress';
import type { StorageLike } from '../src/lib/notebook/drafts';

export class ReadingProgress {
  /** heading ids seen */
  visited = $state<string[]>([]);
  /** cell ids of solved exercises */
  solved = $state<string[]>([]);
  /** exercises in the notebook */
  exercises = $state(0);
  private lastSection: string | null = null;
  private readonly slug: string;
  private readonly shipped: number;
  private storage: StorageLike | null = null;

  /**
   * `exerciseCells` counts the notebook's own exercises: one waiting on an error elsewhere shows no exercise
   * box, but it is still one of the notebook's, so the total must not shrink.
   */
  constructor(slug: string, exerciseCells = 0) {
    this.slug = slug;
    this.shipped = exerciseCells;
  }

  /** Loads saved progress and starts watching the article; returns the cleanup. */
  start(storage: StorageLike | null, article: HTMLElement): () => void {
    this.storage = storage;
    const saved: Progress = loadProgress(storage, this.slug);
    this.visited = saved.visited;
    this.solved = saved.solved;
    this.lastSection = saved.lastSection;

    const headings = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) if (entry.isIntersecting) this.visit(entry.target.id);
      },
      { rootMargin: '0px 0px -40% 0px' } // counted once it reaches the upper part of the screen
    );
    article.querySelectorAll('h2[id], h3[id]').forEach((h) => headings.observe(h));

    const exercises = new MutationObserver(() => this.countExercises(article));
    exercises.observe(article, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-solved']
    });
    this.countExercises(article);
    return () => {
      headings.disconnect();
      exercises.disconnect();
    };
  }

  private visit(id: string): void {
    this.lastSection = id;
    if (!this.visited.includes(id)) this.visited = [...this.visited, id];
    this.save();
  }

  private countExercises(article: HTMLElement): void {
    const all = [...article.querySelectorAll<HTMLElement>('[data-exercise]')];
    this.exercises = Math.max(all.length, this.shipped);
    const newlySolved = all
      .filter((e) => e.dataset.solved === 'true')
      .map((e) => e.closest<HTMLElement>('[data-cell-id]')?.dataset.cellId)
      .filter((id): id is string => !!id && !this.solved.includes(id));
    if (newlySolved.length) {
      this.solved = [...this.solved, ...newlySolved]; // once solved, it stays solved
      this.save();
    }
  }

  private save(): void {
    saveProgress(this.storage, this.slug, {
      visited: this.visited,
      solved: this.solved,
      lastSection: this.lastSection,
      updatedAt: Date.now()
    });
  }
}
