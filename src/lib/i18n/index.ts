/**
 * The page's words, one catalogue per language. Pure data and small formatting helpers, so every layer
 * (the engine's messages, the components' labels, the builders' and trainer's errors) can word things
 * in the reader's language without knowing the page.
 */
import { en, type Messages } from './en';
import { zh } from './zh';

/** The languages the site is written in. */
export type Locale = 'en' | 'zh';

/** Every language, English first. */
export const locales: Locale[] = ['en', 'zh'];

const catalogues: Record<Locale, Messages> = { en, zh };

/** The catalogue of `locale`. */
export function messages(locale: Locale = 'en'): Messages {
  return catalogues[locale];
}

/** The value of an `<html lang>` or `hreflang` for `locale`. */
export function languageTag(locale: Locale): string {
  return locale === 'zh' ? 'zh-CN' : 'en';
}

export type { Messages };
