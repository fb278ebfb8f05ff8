/**
 * The Markdown renderer shared by the build (notebook prose) and the page (the `md` builtin): markdown-it
 * with anchors on headings for the table of contents. Maths is added by ./markdown-maths.ts, a separate
 * module so the page loads KaTeX only when a cell's Markdown has maths in it.
 *
 * Two plugins make it read Chinese as it reads English: a line break between two Chinese characters joins
 * them (Chinese has no spaces between words, so a soft break must not become one), and `**动手：**` is bold
 * even though CommonMark does not let `**` close right after full-width punctuation. (markdown-it-cjk-breaks
 * is pinned to 1.1.3: 2.0.0 throws on bold before a line break, fixed upstream in 2.0.1, not yet on npm.)
 */
import MarkdownIt from 'markdown-it';
import anchor from 'markdown-it-anchor';
import cjkBreaks from 'markdown-it-cjk-breaks';
import cjkFriendly from 'markdown-it-cjk-friendly';

/** `slugify` makes a heading's id from its text (a translation takes its ids from the original instead). */
export function createMarkdown(options: { slugify?: (text: string) => string } = {}) {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: true });
  md.use(cjkBreaks).use(cjkFriendly);
  md.use(anchor, {
    level: [2, 3],
    tabIndex: false,
    ...(options.slugify ? { slugify: options.slugify } : {})
  });
  return md;
}
