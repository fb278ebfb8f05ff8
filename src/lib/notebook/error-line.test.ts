import { describe, expect, it } from 'vitest';
import { compileCell } from './compile.js';
import { cellLineOf } from './error-line.js';

/** Evaluates a compiled cell the way the page does and returns what it throws. */
function thrownBy(source: string): Error {
  const cell = compileCell(source);
  const body = (0, eval)(`(${cell.body})\n//# sourceURL=cell-t.js`) as (...args: unknown[]) => unknown;
  try {
    body(
      () => {},
      () => {},
      () => {}
    );
  } catch (error) {
    return error as Error;
  }
  throw new Error('the cell did not throw');
}

describe('cellLineOf()', () => {
  it.each([
    ['a one-line expression', 'null.x', 1],
    ['a two-line expression', '[1,\n null.x]', 2],
    ['the first line of statements', 'const a = null.x', 1],
    ['the third line of statements', 'const a = 1\nconst b = 2\nconst c = a.b.c', 3]
  ])('cellLineOf() finds the line of an error in %s', (_, source, line) => {
    const error = thrownBy(source);
    expect(cellLineOf(error.stack, 'cell-t.js', compileCell(source).firstLine)).toBe(line);
  });

  it('cellLineOf() is undefined for a stack that never passes through the cell', () => {
    expect(cellLineOf('Error: x\n    at f (engine.js:10:3)', 'cell-t.js', 2)).toBeUndefined();
  });
});
