import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.js';
import { word } from '../i18n/worded.js';
import { zh } from '../i18n/zh.js';
import { CellSyntaxError, compileCell, explainSyntaxError } from './compile.js';

/** Turns compiled body text into a callable function, the way the page does. */
function evaluate(body: string): (...args: unknown[]) => unknown {
  return (0, eval)(`(${body})`);
}
const noDisplay = () => undefined;

describe('compileCell()', () => {
  it.each([
    ['x * 2', ['x'], [], true],
    ['const y = x + z', ['x', 'z'], ['y'], false],
    ['const {a, b: [c]} = obj; function f() {} class K {}', ['obj'], ['a', 'c', 'f', 'K'], false],
    ['Math.max(a, 1)', ['a'], [], true],
    ['const s = (t) => t + n; s(1)', ['n'], ['s'], false],
    ['{a: 1}', [], [], true],
    ['let total = 0; for (const v of values) total += v;', ['values'], ['total'], false],
    ['display(md`# hi`)', ['md'], [], true],
    ['window.foo', [], [], true],
    ['function convBlock(c) { return c * k }', ['k'], ['convBlock'], false],
    ['async function load() {}', [], ['load'], false],
    ['class Block {}', [], ['Block'], false],
    ['(function () { return 1 })', [], [], true]
  ])('compiles %j to inputs %j, outputs %j, autodisplay %j', (source, inputs, outputs, autodisplay) => {
    const cell = compileCell(source);
    expect(cell.inputs).toEqual(inputs);
    expect(cell.outputs).toEqual(outputs);
    expect(cell.autodisplay).toBe(autodisplay);
  });

  it('compileCell() returns a body that evaluates an expression with its inputs in order', () => {
    const cell = compileCell('a * b');
    expect(evaluate(cell.body)(noDisplay, noDisplay, noDisplay, 6, 7)).toBe(42);
  });

  it('compileCell() returns declared names from a statement cell', () => {
    const cell = compileCell('const y = x + 1;\nfunction twice(v) { return 2 * v }');
    expect(evaluate(cell.body)(noDisplay, noDisplay, noDisplay, 4)).toMatchObject({ y: 5 });
  });

  it('compileCell() makes a cell with top-level await async', async () => {
    const cell = compileCell('const v = await Promise.resolve(3)');
    expect(cell.async).toBe(true);
    await expect(evaluate(cell.body)(noDisplay, noDisplay, noDisplay)).resolves.toEqual({ v: 3 });
  });

  it('compileCell() treats for await as top-level await', () => {
    expect(compileCell('for await (const p of stream) display(p)').async).toBe(true);
  });

  it('compileCell() does not count await inside a nested function', () => {
    expect(compileCell('const f = async () => await g()').async).toBe(false);
  });

  it('compileCell() makes a cell with top-level yield an async generator that displays each value', async () => {
    const cell = compileCell('for (let i = 0; i < 3; i++) yield i * 10');
    expect(cell.generator).toBe(true);
    expect(cell.autodisplay).toBe(true);
    const values: unknown[] = [];
    for await (const v of evaluate(cell.body)(noDisplay, noDisplay, noDisplay) as AsyncIterable<unknown>) {
      values.push(v);
    }
    expect(values).toEqual([0, 10, 20]);
  });

  it('compileCell() refuses a generator cell that also declares names', () => {
    expect(() => compileCell('const a = 1; yield a')).toThrow(/cannot also declare names \(a\)/);
  });

  it('compileCell() reports a syntax error with the line and column in the cell', () => {
    let error: CellSyntaxError | undefined;
    try {
      compileCell('const a = 1;\nconst b = (;');
    } catch (e) {
      error = e as CellSyntaxError;
    }
    expect(error).toBeInstanceOf(CellSyntaxError);
    expect(error?.line).toBe(2);
    expect(error?.column).toBe(11);
    expect(error?.message).toMatch(/Unexpected token \(line 2, column 12\)/);
  });

  it('compileCell() explains that import is unavailable and names the builtins', () => {
    expect(() => compileCell("import * as d3 from 'd3'\nd3.range(3)")).toThrow(
      /Cells cannot use `import from "d3"`.*d3, tf, html/
    );
  });

  it('compileCell() refuses a top-level return', () => {
    expect(() => compileCell('const a = 1\nreturn a')).toThrow(/`return` cannot be used at the top level/);
  });

  it.each([
    ['const invalidation = 1', 'invalidation', 1],
    ['const a = 1\nlet { visibility } = obj', 'visibility', 2],
    ['function display(x) {}', 'display', 1],
    ['class view {}', 'view', 1],
    ['var __loopGuard = () => {}', '__loopGuard', 1]
  ])('compileCell() refuses %j: a name the notebook gives every cell', (source, name, line) => {
    let error: CellSyntaxError | undefined;
    try {
      compileCell(source);
    } catch (e) {
      error = e as CellSyntaxError;
    }
    expect(error?.message).toContain(`\`${name}\` is a name the notebook gives every cell`);
    expect(error?.line).toBe(line);
    expect(error?.wording).toEqual({ key: 'reservedName', params: { name } });
  });

  it('compileCell() lets a cell use the reserved names inside its own functions', () => {
    expect(compileCell('const f = () => { const view = 1; return view }').outputs).toEqual(['f']);
  });

  it('compileCell() hints when a trailing semicolon hides an expression', () => {
    const hint = compileCell('x * 2;').hint!;
    expect(word(hint, en)).toMatch(/ends with “;”/);
    expect(word(hint, zh)).toBe('这个单元格什么也没显示，因为它以“;”结尾。去掉“;”就能显示它的值。');
    expect(compileCell('x = 2;').hint).toBeUndefined();
    expect(compileCell('x * 2').hint).toBeUndefined();
  });

  it('compileCell() keeps line numbers: the cell starts on line 2 of its body', () => {
    const cell = compileCell('const a = 1;\nconst b = a + 1;');
    expect(cell.body.split('\n')[2]).toBe('const b = a + 1;');
  });
});

describe('compileCell() with loop guards', () => {
  it.each([
    ['while (true) {}', 'while (true) {__loopGuard(1);}'],
    ['for (;;) x++', 'for (;;) {__loopGuard(1);x++}'],
    ['let i = 0\ndo { i++ } while (i < 3)', 'do {__loopGuard(2); i++ }'],
    ['for (const k in o) {}', 'for (const k in o) {__loopGuard(1);}'],
    ['const f = () => { while (a) {} }', 'while (a) {__loopGuard(1);}'],
    ['[1].map(() => { for (;;) {} })', 'for (;;) {__loopGuard(1);}']
  ])('guards the loops of %j', (source, expected) => {
    expect(compileCell(source, { loopGuards: true }).body).toContain(expected);
  });

  it('a guarded infinite loop throws instead of freezing', () => {
    const cell = compileCell('let n = 0;\nwhile (true) { n++ }', { loopGuards: true });
    let calls = 0;
    const guard = () => {
      if (++calls > 1000) throw new Error('stopped');
    };
    expect(() => evaluate(cell.body)(noDisplay, noDisplay, guard)).toThrow('stopped');
  });
});

describe('compileCell() errors carry a wording the page words in its language', () => {
  const wordingOf = (source: string) => {
    try {
      compileCell(source);
    } catch (e) {
      return (e as CellSyntaxError).wording;
    }
    throw new Error(`${source} compiled`);
  };

  it.each([
    ['const b = (;', 'Unexpected token', '这里不该出现这个符号'],
    ["const s = 'abc", 'Unterminated string constant', '字符串没有结束，缺少配对的引号'],
    ['let a = 1; let a = 2', "Identifier 'a' has already been declared", '标识符 `a` 已经声明过了'],
    ['1 = 2;', 'Assigning to rvalue', '赋值号左边必须是变量或属性'],
    ['const x = 1a', 'Identifier directly after number', '数字后面直接跟着标识符'],
    ['let enum = 1', "The keyword 'enum' is reserved", '`enum` 是保留字，不能用作名字'],
    ['const x = /* hi', 'Unterminated comment', '注释没有结束，缺少 */'],
    ['const a = 1 @ 2', "Unexpected character '@'", '无法识别的字符“@”'],
    ['const a = `x', 'Unterminated template literal', '模板字符串没有结束，缺少配对的反引号 `'],
    [
      'const a = 1\nreturn a',
      '`return` cannot be used at the top level of a cell.',
      '单元格的顶层不能使用 `return`。'
    ],
    [
      'const a = 1; yield a',
      'A cell that uses `yield` cannot also declare names (a).',
      '不能同时声明名字（a）'
    ],
    [
      "import * as d3 from 'd3'",
      'Cells cannot use `import from "d3"`.',
      '单元格里不能使用 `import from "d3"`。'
    ],
    ['export const a = 1', 'Cells cannot use `export`.', '单元格里不能使用 `export`。']
  ])('%j: %s / %s', (source, english, chinese) => {
    const wording = wordingOf(source)!;
    expect(word(wording, en)).toContain(english);
    expect(word(wording, zh)).toContain(chinese);
  });

  it('an acorn message with no entry of its own keeps acorn’s words inside a Chinese frame', () => {
    expect(explainSyntaxError('Invalid regular expression flag')).toEqual({
      key: 'syntaxOther',
      params: { message: 'Invalid regular expression flag' }
    });
    const wording = wordingOf('const r = /a/qq')!;
    expect(word(wording, zh)).toMatch(/^JavaScript 解析器报告：Invalid regular expression flag/);
    expect(word(wording, en)).toBe('Invalid regular expression flag');
  });

  it('a syntax error keeps its line and column in the message, in English', () => {
    expect(() => compileCell('const a = 1;\nconst b = (;')).toThrow('Unexpected token (line 2, column 12)');
  });
});
