/**
 * How an error is told to the reader: its title, its words in the page's language, the line in the
 * cell, and a note when the cause lies elsewhere (a builtin another cell replaced, a near-miss name).
 */
import { RuntimeError } from '@observablehq/runtime';
import type { Messages } from '../lib/i18n/en.js';
import { cellLineOf } from '../lib/notebook/error-line.js';
import { word, wordingOf, type Wording } from '../lib/i18n/worded.js';

/** An error as the cell shows it. */
export interface ToldError {
  /** "SyntaxError", "TypeError", … ("Error" for the runtime's own) */
  title: string;
  /** the message, worded for the page */
  text: string;
  /** 1-based line in the cell, when known */
  line?: number;
  /** the text already says where (a syntax error's line and column, the line of a stopped loop) */
  lineInText: boolean;
  /** a sentence on a likely cause outside this cell */
  note?: string;
}

/** What is known about the cell the error belongs to. */
export interface ErrorContext {
  /** for edited cells: the `cell-<id>.js` their code runs as */
  sourceUrl?: string;
  /** the line of the generated function where the cell's code starts */
  firstLine?: number;
  /** every name a cell can read now, for "did you mean" */
  names: string[];
  /** builtins this cell reads that another cell redefines: name → that cell's id */
  shadowed: [string, string][];
}

export function tellError(error: unknown, context: ErrorContext, messages: Messages): ToldError {
  const m = messages.engine;
  const name = error instanceof Error ? error.name : 'Error';
  const title = titleOf(name, messages);
  const wording = wordingOf(error) ?? runtimeWording(error);
  let text = error instanceof Error ? error.message : String(error);
  let line: number | undefined;
  let lineInText = false;
  if (isPositioned(error)) {
    line = error.line;
    lineInText = true;
    // The compiler's messages (acorn's mapped too) are worded here, with the position in the page's words.
    if (wording) text = spaced(word(wording, messages), m.atPosition(error.line, error.column + 1));
  } else if (hasLine(error)) {
    line = error.line; // a stopped loop: its message names the loop's line
    lineInText = true;
    if (wording) text = word(wording, messages);
  } else {
    if (wording) text = word(wording, messages);
    if (error instanceof Error && context.sourceUrl && context.firstLine)
      line = cellLineOf(error.stack, context.sourceUrl, context.firstLine);
  }
  const typo = suggestion(error, context.names);
  // A Chinese sentence ends in a full-width stop.
  if (typo) text = `${text}${/\p{Script=Han}/u.test(text) ? '。' : '. '}${m.didYouMean(typo)}`;
  const [shadowedName, owner] = context.shadowed[0] ?? [];
  const note = shadowedName ? m.readsShadowed(shadowedName, owner) : undefined;
  return { title, text, line, lineInText, note };
}

/**
 * The @observablehq/runtime's own messages (it throws them as finished English, and re-throws a failed input's
 * error as a RuntimeError with only its message), mapped to the catalogue. The engine's global resolver
 * throws "x is not defined" in the same words.
 */
export function runtimeWording(error: unknown): Wording | undefined {
  if (!(error instanceof RuntimeError)) return undefined;
  const message = error.message;
  let match: RegExpExecArray | null;
  if ((match = /^(.+) is not defined$/.exec(message)))
    return { key: 'runtimeNotDefined', params: { name: match[1] } };
  if ((match = /^(.+) is defined more than once$/.exec(message)))
    return { key: 'runtimeDefinedTwice', params: { name: match[1] } };
  if (message === 'circular definition') return { key: 'runtimeCircular', params: undefined };
  if ((match = /^(.+) could not be resolved$/.exec(message)))
    return { key: 'runtimeUnresolved', params: { name: match[1] } };
  return undefined;
}

/** The red box's title: the error's kind in the page's words where we have them, else its own name. */
function titleOf(name: string, messages: Messages): string {
  const e = messages.errors;
  const titles: Record<string, string> = {
    RuntimeError: messages.engine.errorTitle,
    Error: messages.engine.errorTitle,
    SyntaxError: e.titleSyntax(),
    ShapeError: e.titleShape(),
    LoopTimeoutError: e.titleLoop()
  };
  return Object.hasOwn(titles, name) ? titles[name] : name;
}

/**
 * `a` then `b`, with a space between them unless the language's punctuation makes one (Chinese writes
 * “…符号（第 2 行）”, English “… token (line 2)”).
 */
export function spaced(a: string, b: string): string {
  return /^[（：，。]/.test(b) ? `${a}${b}` : `${a} ${b}`;
}

function hasLine(error: unknown): error is Error & { line: number } {
  return error instanceof Error && typeof (error as { line?: unknown }).line === 'number';
}

/** A CellSyntaxError (compile.ts) without importing the compiler, which loads only on the first edit. */
function isPositioned(error: unknown): error is Error & { line: number; column: number } {
  return (
    error instanceof Error &&
    typeof (error as { line?: unknown }).line === 'number' &&
    typeof (error as { column?: unknown }).column === 'number'
  );
}

/** For "x is not defined" (an input that names nothing known): the known names one typo away. */
function suggestion(error: unknown, names: string[]): string[] | null {
  if (!(error instanceof RuntimeError) || !error.input || names.includes(error.input)) return null;
  const missing = error.input;
  const close = names.filter((n) => n !== missing && editDistance(n, missing) <= 2);
  return close.length > 0 ? close : null;
}

function editDistance(a: string, b: string): number {
  // Levenshtein distance, one row at a time.
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      );
    }
    previous = current;
  }
  return previous[b.length];
}
