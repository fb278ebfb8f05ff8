/**
 * The inputs cells show with `view(…)`, by the name the cell declares (`const size = view(…)` → "size").
 * A share link carries the ones the reader changed; opening the link sets each input once, when it first
 * appears, as if the reader had moved it (so every cell that reads the name runs with the linked value).
 * Inputs that start heavy work (cells flagged `nolink`, such as "Train live") are never carried or set:
 * opening a link runs nothing the reader did not ask for.
 */
import type { Messages } from '../lib/i18n/en.js';
import { word } from '../lib/i18n/worded.js';
import { maxSharedValue, shareableValue } from '../lib/notebook/share.js';
import { valueOf } from './generators.js';

interface Shown {
  element: Element;
  /** the value as JSON when the input appeared, before any link touched it */
  initial: string | null;
  /** whether a link may carry and set it */
  linkable: boolean;
}

/** An element whose value a link can set: diagram views offer `restore`, inputs a `value` setter. */
type Settable = Element & { restore?: (value: unknown) => void; value?: unknown };

export class ViewValues {
  private readonly wanted: Map<string, unknown>;
  private readonly shown = new Map<string, Shown>();
  private readonly messages: Messages;
  private readonly onProblem: (message: string) => void;

  constructor(
    wanted: Record<string, unknown>,
    messages: Messages,
    onProblem: (message: string) => void = () => {}
  ) {
    this.wanted = new Map(Object.entries(wanted));
    this.messages = messages;
    this.onProblem = onProblem;
  }

  /** A cell showed `element` as the view `name`: remember it, and apply the link's value the first time. */
  register(name: string, element: Element, { linkable = true } = {}): void {
    if (isButton(element)) return; // a button's value counts clicks; it is not a setting worth sharing
    const initial = shareableValue(valueOf(element));
    this.shown.set(name, { element, initial, linkable });
    if (!this.wanted.has(name)) return;
    const value = this.wanted.get(name);
    this.wanted.delete(name);
    const words = this.messages.share;
    if (!linkable) return this.onProblem(words.linkStartsWork(name));
    const wanted = shareableValue(value);
    if (wanted === null) {
      const tooLong = { key: 'linkValueTooLong', params: { name, max: maxSharedValue } } as const;
      return this.onProblem(word(tooLong, this.messages));
    }
    setValue(element, value);
    if (shareableValue(valueOf(element)) !== wanted) {
      // The input would not take it (out of range, not one of its options): keep the notebook's default.
      if (initial !== null) setValue(element, JSON.parse(initial));
      this.onProblem(words.linkValueRefused(name, wanted));
    }
  }

  /** name → value of each view on the page the reader has changed and that fits in a link. */
  changed(): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const [name, shown] of this.current()) {
      const value = valueOf(shown.element);
      const json = shareableValue(value);
      if (shown.linkable && json !== null && json !== shown.initial) values[name] = value;
    }
    return values;
  }

  /** Names of the views the reader changed that a link leaves out because they start heavy work. */
  leftOut(): string[] {
    return [...this.current()]
      .filter(([, shown]) => !shown.linkable && shareableValue(valueOf(shown.element)) !== shown.initial)
      .map(([name]) => name);
  }

  /** The views still on the page (a cell that re-ran showed a new input instead). */
  private current(): [string, Shown][] {
    return [...this.shown].filter(([, shown]) => shown.element.isConnected);
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
