/**
 * The inputs cells show with `view(…)`, by the name the cell declares (`const size = view(…)` → "size").
 * A share link carries the ones the reader changed; opening the link sets each input once, when it first
 * appears, as if the reader had moved it (so every cell that reads the name runs with the linked value).
 */
import { shareableValue } from '../lib/notebook/share.js';
import { valueOf } from './generators.js';

interface Shown {
  element: Element;
  /** the value as JSON when the input appeared, before any link touched it */
  initial: string | null;
}

/** An element whose value a link can set: diagram views offer `restore`, inputs a `value` setter. */
type Settable = Element & { restore?: (value: unknown) => void; value?: unknown };

export class ViewValues {
  private readonly wanted: Map<string, unknown>;
  private readonly shown = new Map<string, Shown>();
  private readonly onProblem: (message: string) => void;

  constructor(wanted: Record<string, unknown> = {}, onProblem: (message: string) => void = () => {}) {
    this.wanted = new Map(Object.entries(wanted));
    this.onProblem = onProblem;
  }

  /** A cell showed `element` as the view `name`: remember it, and apply the link's value the first time. */
  register(name: string, element: Element): void {
    if (isButton(element)) return; // a button's value counts clicks; it is not a setting worth sharing
    const initial = shareableValue(valueOf(element));
    this.shown.set(name, { element, initial });
    if (!this.wanted.has(name)) return;
    const value = this.wanted.get(name);
    this.wanted.delete(name);
    const wanted = shareableValue(value);
    setValue(element, value);
    if (shareableValue(valueOf(element)) !== wanted) {
      // The input would not take it (out of range, not one of its options): keep the notebook's default.
      if (initial !== null) setValue(element, JSON.parse(initial));
      this.onProblem(
        `The link sets “${name}” to ${wanted}, which that input does not offer; it keeps its default.`
      );
    }
  }

  /** name → value of each view on the page the reader has changed and that fits in a link. */
  changed(): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const [name, { element, initial }] of this.shown) {
      if (!element.isConnected) continue; // its cell re-ran and showed a new input
      const value = valueOf(element);
      const json = shareableValue(value);
      if (json !== null && json !== initial) values[name] = value;
    }
    return values;
  }
}

function isButton(element: Element): boolean {
  return (
    element.querySelector('button') !== null && element.querySelector('input, select, textarea') === null
  );
}

function setValue(element: Settable, value: unknown): void {
  if (typeof element.restore === 'function') element.restore(value);
  else if (element instanceof HTMLInputElement && element.type === 'checkbox')
    element.checked = value === true;
  else element.value = value; // <input>, <select> and Observable Inputs all take a value this way
}
