/**
 * Loop guards for code a reader has edited. A `while (true) {}` on the main thread cannot be interrupted
 * from outside, so every loop gets a call at the top of its body that throws once the page has been
 * frozen for too long (the approach JSBin and CodePen use).
 */
import MagicString from 'magic-string';
import { WordedError } from '../i18n/worded.js';
import type * as ESTree from 'estree';

type Positioned = ESTree.Node & { start: number; end: number };
type Loop = Positioned & { body: Positioned };

const loopTypes = new Set([
  'ForStatement',
  'ForInStatement',
  'ForOfStatement',
  'WhileStatement',
  'DoWhileStatement'
]);

/**
 * Returns `source` with `__loopGuard(line);` at the start of every loop body. `offset` is where `source`
 * begins in the coordinates of `ast` (the compiler parses statements inside a wrapper function).
 * Insertions add no newlines, so line numbers in errors still match the reader's code.
 */
export function guardLoops(source: string, ast: ESTree.Node, offset = 0): string {
  const code = new MagicString(source);
  for (const loop of findLoops(ast)) {
    const line = source.slice(0, loop.start - offset).split('\n').length;
    const call = `__loopGuard(${line});`;
    const body = loop.body;
    if (body.type === 'BlockStatement') {
      code.appendLeft(body.start - offset + 1, call);
    } else {
      code.appendLeft(body.start - offset, `{${call}`);
      code.appendRight(body.end - offset, '}');
    }
  }
  return code.toString();
}

function findLoops(root: ESTree.Node): Loop[] {
  const loops: Loop[] = [];
  const walk = (value: unknown): void => {
    if (!value || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(walk);
    const node = value as Positioned;
    if (typeof node.type !== 'string') return;
    if (loopTypes.has(node.type)) loops.push(node as Loop);
    for (const key of Object.keys(node))
      if (key !== 'loc') walk((node as unknown as Record<string, unknown>)[key]);
  };
  walk(root);
  return loops;
}

/** Thrown by a loop guard; the cell shows it like any other error. */
export class LoopTimeoutError extends WordedError<'loopStopped'> {
  /** 1-based line of the loop in the cell */
  line: number;
  constructor(line: number, limitMs: number) {
    super('loopStopped', { line, seconds: limitMs / 1000 });
    this.name = 'LoopTimeoutError';
    this.line = line;
  }
}

export interface LoopGuardClock {
  /** milliseconds, monotonic */
  now(): number;
  /** runs `callback` once the page is free again (a macrotask) */
  later(callback: () => void): void;
}

const browserClock: LoopGuardClock = {
  now: () => performance.now(),
  later: (callback) => setTimeout(callback, 0)
};

/**
 * Makes the function that guarded loops call. It measures how long the page has been busy without a
 * break: the first call arms a timer task, which can only run once the thread is free. If guarded loops
 * keep running past `limitMs` before that task runs, the page is frozen and the loop throws. A loop that
 * awaits real work (a timer, a worker message) lets the task run, so long-running training loops are fine.
 *
 * Once it has stopped a loop, the guard stays tripped: every later check in the same run throws again, so
 * code that catches the error (`while (true) { try { while (true) {} } catch {} }`) cannot loop on. Each
 * run of a cell gets a fresh guard. `onStop` hears of every stop, including one in a timer or promise
 * callback the cell started, where nothing else would catch the error for the cell.
 */
export function makeLoopGuard(
  limitMs = 2000,
  clock: LoopGuardClock = browserClock,
  onStop: (error: LoopTimeoutError) => void = () => {}
): (line: number) => void {
  let busySince: number | null = null;
  let stopped: LoopTimeoutError | null = null;
  return (line: number) => {
    if (stopped) throw stopped;
    const now = clock.now();
    if (busySince === null) {
      busySince = now;
      clock.later(() => (busySince = null));
    } else if (now - busySince > limitMs) {
      stopped = new LoopTimeoutError(line, limitMs);
      onStop(stopped);
      throw stopped;
    }
  };
}
