/** TeX maths for markdown-it ($…$ and $$…$$), rendered by KaTeX. */
import type { MarkdownIt } from 'markdown-it';
import katex from '@vscode/markdown-it-katex';

// The plugin is CommonJS: depending on the bundler its function arrives as the default export or inside it.
const katexPlugin = (katex as unknown as { default?: typeof katex }).default ?? katex;

/** Adds maths to `md`. A TeX mistake throws (a shipped notebook fails its build; a cell shows the error). */
export function withMaths<T extends MarkdownIt>(md: T): T {
  md.use(katexPlugin, { throwOnError: true });
  return md;
}
