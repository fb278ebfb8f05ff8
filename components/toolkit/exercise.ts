/**
 * The `exercise` builtin. A check cell in a notebook reads the names the reader edits and calls
 *
 *   exercise(() => channelsOut === 128 || `The block gives ${channelsOut}, not 128.`, { task, hint, solution })
 *
 * The check returns true when right, or a string that says what is still wrong. Because the check cell
 * reads the reader's names, the runtime re-runs it after every edit, so the verdict is always current.
 */
import Exercise from '../Exercise.svelte';
import { mountDiagram, type DiagramElement } from './mount';

/** What the notebook says around the check. */
export interface ExerciseText {
  /** what to do */
  task?: string;
  /** a nudge shown with "Not yet" */
  hint?: string;
  /** shown with "Right" */
  success?: string;
  /** the answer, folded away */
  solution?: string;
}

export function exercise(check: boolean | (() => boolean | string), text: ExerciseText = {}): DiagramElement {
  let solved = false;
  let problem: string | undefined;
  try {
    const result = typeof check === 'function' ? check() : check;
    solved = result === true;
    if (typeof result === 'string') problem = result;
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  return mountDiagram(Exercise, { solved, problem, ...text }, { className: 'exercise' });
}
