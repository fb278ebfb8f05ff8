/**
 * The Markdown renderer shared by the build (notebook prose) and the page (the `md` builtin): markdown-it
 * with KaTeX maths ($…$ and $$…$$) and anchors on headings for the table of contents.
 */
import MarkdownIt from 'markdown-it';
import anchor from 'markdown-it-anchor';
import katex from '@vscode/markdown-it-katex';

// The plugin is CommonJS: depending on the bundler its function arrives as the default export or inside it.
const katexPlugin = (katex as unknown as { default?: typeof katex }).default ?? katex;

export function createMarkdown() {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: true });
  // A TeX mistake in a shipped notebook should fail the build, not render red text.
  md.use(katexPlugin, { throwOnError: true });
  md.use(anchor, { level: [2, 3], tabIndex: false });
  return md;
}
