/**
 * The Markdown renderer shared by the build (notebook prose) and the page (the `md` builtin): markdown-it
 * with anchors on headings for the table of contents. Maths is added by ./markdown-maths.ts, a separate
 * module so the page loads KaTeX only when a cell's Markdown has maths in it.
 */
import MarkdownIt from 'markdown-it';
import anchor from 'markdown-it-anchor';

export function createMarkdown() {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: true });
  md.use(anchor, { level: [2, 3], tabIndex: false });
  return md;
}
