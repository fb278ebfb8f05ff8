/**
 * The `md` builtin: md`# Title ${value}` renders Markdown to an element. Text with a `$` in it may hold
 * TeX maths: KaTeX is then loaded (once) and the element re-rendered with the maths in place, so pages
 * whose cells never write maths never download KaTeX.
 */
import { createMarkdown } from '../lib/notebook/markdown.js';

const plain = createMarkdown();
let withMaths: Promise<ReturnType<typeof createMarkdown>> | null = null;

export function md(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement {
  // The raw strings, so TeX backslashes (\cdot, \frac) reach KaTeX as written.
  const source = String.raw({ raw: strings.raw }, ...values);
  const root = document.createElement('div');
  root.className = 'nb-md';
  root.innerHTML = plain.render(source);
  if (source.includes('$')) {
    withMaths ??= import('../lib/notebook/markdown-maths.js').then((m) => m.withMaths(createMarkdown()));
    void withMaths.then((maths) => {
      try {
        root.innerHTML = maths.render(source);
      } catch (error) {
        root.append(
          Object.assign(document.createElement('div'), { className: 'nb-error', textContent: String(error) })
        );
      }
    });
  }
  return root;
}
