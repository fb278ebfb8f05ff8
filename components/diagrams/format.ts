/** Small helpers the diagrams share: number formatting, error text, the reader's motion preference. */

/** 120422400 → "120,422,400" (the lecture writes numbers with thousands separators). */
export const number = (n: number) => n.toLocaleString('en-US');

/** The message of anything thrown. */
export const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

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
