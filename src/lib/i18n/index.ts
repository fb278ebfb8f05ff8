/**
 * The page's words, one catalogue per language. Pure data and small formatting helpers, so every layer
 * (the engine's messages, the components' labels, the builders' and trainer's errors) can word things
 * in the reader's language without knowing the page.
 */
import { en, type Messages } from './en';

/** The languages the site is written in. */
export type Locale = 'en';

const catalogues: Record<Locale, Messages> = { en };

/** The catalogue of `locale`. */
export function messages(locale: Locale = 'en'): Messages {
  return catalogues[locale];
}

export type { Messages };
