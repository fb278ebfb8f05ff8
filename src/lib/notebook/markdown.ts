/**
 * The Markdown renderer shared by the build (notebook prose) and the page (the `md` builtin): markdown-it
 * with anchors on headings for the table of contents. Maths is added by ./markdown-maths.ts, a separate
 * module so the page loads KaTeX only when a cell's Markdown has maths in it.
 */
import MarkdownIt from 'markdown-it';
import anchor from 'markdown-it-anchor';

/** `slugify` makes a heading's id from its text (a translation takes its ids from the original instead). */
export function createMarkdown(options: { slugify?: (text: string) => string } = {}) {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: true });
  md.use(anchor, {
    level: [2, 3],
    tabIndex: false,
    ...(options.slugify ? { slugify: options.slugify } : {})
  });
  return md;
}
