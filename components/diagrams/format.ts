/**
 * Small helpers the diagrams share: number formatting, error text, label widths, the reader's motion
 * preference.
 */
import type { Messages } from '../../src/lib/i18n';
import { word, wordingOf } from '../../src/lib/i18n/worded';

/** 120422400 → "120,422,400" (the lecture writes numbers with thousands separators). */
export const number = (n: number) => n.toLocaleString('en-US');

/** The message of anything thrown. */
export const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** What went wrong, in the page's language when library code worded it (a WordedError), else its message. */
export function errorText(error: unknown, messages: Messages): string {
  const wording = wordingOf(error);
  return wording ? word(wording, messages) : errorMessage(error);
}

// East Asian wide characters (CJK ideographs and punctuation, kana, hangul, full-width forms) take a whole em.
const wide = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/**
 * About how wide `text` is in a sans-serif at `size` px, for sizing SVG frames around labels without measuring
 * the DOM: 6.8 px at 12 px for a Latin letter, digit or sign, a whole em for a Chinese character.
 */
export function labelWidth(text: string, size = 12): number {
  let narrow = 0;
  let wideCount = 0;
  for (const char of text) {
    if (wide.test(char)) wideCount++;
    else narrow++;
  }
  return (size / 12) * (6.8 * narrow + 12 * wideCount);
}

/** True when the reader asked the system for less motion. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Okabe & Ito's colour-blind-safe palette, for lines and categories. Components expose each as a CSS
 * variable so a high-contrast theme can override them.
 */
export const okabeIto = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
  '#f0e442',
  '#000000'
];
