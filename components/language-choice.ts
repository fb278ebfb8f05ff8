/**
 * The reader's language: their explicit choice (the language switch) is kept in localStorage; without
 * one, the browser's languages decide on the first visit to `/`.
 */
import type { Locale } from '../src/lib/i18n';

const key = 'nb:language';

export function rememberLanguage(locale: Locale): void {
  try {
    localStorage.setItem(key, locale);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}

/** The language the reader chose with the switch, if they did. */
export function rememberedLanguage(): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * The language `/` should open in: the reader's choice, else the first of the browser's languages that
 * the site is written in (any Chinese — zh, zh-CN, zh-TW — gets the Chinese edition), else English.
 */
export function preferredLanguage(chosen: string | null, browserLanguages: readonly string[]): Locale {
  if (chosen === 'zh' || chosen === 'en') return chosen;
  for (const tag of browserLanguages) {
    if (/^zh\b/i.test(tag)) return 'zh';
    if (/^en\b/i.test(tag)) return 'en';
  }
  return 'en';
}
