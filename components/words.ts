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

/** The language of the document: a diagram mounted by a cell has no page context, but the page sets <html lang>. */
export function documentWords(): Messages {
  const lang = typeof document === 'undefined' ? 'en' : document.documentElement.lang;
  return messages(lang.startsWith('zh') ? 'zh' : 'en');
}

/** The words of the page this component is on (for diagrams a cell mounts: the document's language). */
export function words(): Messages {
  return getContext<Messages | undefined>(key) ?? documentWords();
}
