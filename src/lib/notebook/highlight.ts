/**
 * Syntax highlighting of cell code to static HTML at build time, with the same Lezer parser and token
 * classes CodeMirror uses in the page, so code looks the same before and after the editor loads.
 */
import { parser } from '@lezer/javascript';
import { classHighlighter, highlightCode } from '@lezer/highlight';

export function highlightJs(source: string): string {
  let html = '';
  highlightCode(
    source,
    parser.parse(source),
    classHighlighter,
    (text, classes) => {
      const escaped = escapeHtml(text);
      html += classes ? `<span class="${classes}">${escaped}</span>` : escaped;
    },
    () => (html += '\n')
  );
  return html;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
