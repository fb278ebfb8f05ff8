// markdown-it-cjk-breaks ships no types: a markdown-it plugin taking no options.
declare module 'markdown-it-cjk-breaks' {
  import type MarkdownIt from 'markdown-it';
  const cjkBreaks: (md: MarkdownIt) => void;
  export default cjkBreaks;
}
