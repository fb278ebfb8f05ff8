/**
 * Maps an error thrown by a reader's edited cell back to a line of their code. The page evaluates each
 * edit with `//# sourceURL=cell-<id>.js`, so V8 names that file and a line of the generated function in
 * the stack; the function's header (and, for an expression, the `return (` line) come before the reader's
 * first line, which is the compiled cell's `firstLine`.
 */

/** 1-based line in the cell, or undefined when the stack does not pass through the cell's code. */
export function cellLineOf(
  stack: string | undefined,
  sourceUrl: string,
  firstLine: number
): number | undefined {
  if (!stack) return undefined;
  const escaped = sourceUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}:(\\d+):\\d+`).exec(stack);
  if (!match) return undefined;
  const line = Number(match[1]) - firstLine + 1;
  return line >= 1 ? line : undefined;
}
