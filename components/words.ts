/**
 * The page's words reach every component through Svelte context: the notebook page provides its
 * language's catalogue once, and a component asks for it with `words()`.
 */
import { getContext, setContext } from 'svelte';
import { messages, type Messages } from '../src/lib/i18n';

const key = Symbol('words');

/** Makes `catalogue` the words of this component and everything inside it. */
export function provideWords(catalogue: Messages): void {
  setContext(key, catalogue);
}

/** The same, for a component mounted on its own (a cell's diagram): pass it as `mount`'s `context`. */
export function wordsContext(catalogue: Messages): Map<symbol, Messages> {
  return new Map([[key, catalogue]]);
}

/** The words of the page this component is on (English outside a notebook page). */
export function words(): Messages {
  return getContext<Messages | undefined>(key) ?? messages('en');
}
