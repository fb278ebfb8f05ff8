/** The `md` builtin: md`# Title ${value}` renders Markdown (with KaTeX maths) to an element. */
import { createMarkdown } from '../lib/notebook/markdown.js';

const markdown = createMarkdown();

export function md(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement {
  // The raw strings, so TeX backslashes (\cdot, \frac) reach KaTeX as written.
  const source = String.raw({ raw: strings.raw }, ...values);
  const root = document.createElement('div');
  root.className = 'nb-md';
  root.innerHTML = markdown.render(source);
  return root;
}
