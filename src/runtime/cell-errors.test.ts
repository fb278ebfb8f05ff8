import { RuntimeError } from '@observablehq/runtime';
import { describe, expect, it } from 'vitest';
import { en } from '../lib/i18n/en.js';
import { zh } from '../lib/i18n/zh.js';
import { compileCell } from '../lib/notebook/compile.js';
import { LoopTimeoutError } from '../lib/notebook/loop-guard.js';
import { ShapeError } from '../lib/nn/util.js';
import { tellError } from './cell-errors.js';

const context = { names: ['channels', 'weights'], shadowed: [] };
const compileError = (source: string) => {
  try {
    compileCell(source);
  } catch (error) {
    return error;
  }
  throw new Error('compiled');
};

describe('tellError() words an error in the page’s language', () => {
  it.each([
    [
      'an acorn syntax error, with its position',
      compileError('const a = 1\nconst b = (a *'),
      ['SyntaxError', 'Unexpected token (line 2, column 15)'],
      ['语法错误', '这里不该出现这个符号（第 2 行第 15 列）']
    ],
    [
      'the runtime’s unknown name, with a near miss',
      new RuntimeError('chanels is not defined', 'chanels'),
      ['Error', 'chanels is not defined. Did you mean `channels`?'],
      ['错误', 'chanels 没有定义。你是不是想写 `channels`？']
    ],
    [
      'the runtime’s duplicate name',
      new RuntimeError('x is defined more than once'),
      ['Error', 'x is defined more than once'],
      ['错误', 'x 被定义了不止一次']
    ],
    [
      'the runtime’s cycle',
      new RuntimeError('circular definition'),
      ['Error', 'circular definition'],
      ['错误', '循环定义：这个单元格（间接地）依赖了它自己的结果']
    ],
    [
      'a stopped loop',
      new LoopTimeoutError(3, 2000),
      ['LoopTimeoutError', 'The loop on line 3 kept the page busy for more than 2 s'],
      ['循环超时', '第 3 行的循环让页面忙了超过 2 秒']
    ],
    [
      'a builder’s channel mismatch',
      new ShapeError('addShapes', {
        layer: 'add',
        a: '16×12×12',
        b: '32×12×12',
        fromA: { layer: 'conv1' },
        fromB: { layer: 'rblock1/conv2' }
      }),
      ['ShapeError', "add cannot add 16×12×12 (from conv1) and 32×12×12 (from rblock1's conv2)"],
      ['形状错误', 'add 无法把 16×12×12（来自 conv1）与 32×12×12（来自 rblock1 的 conv2）相加']
    ]
  ])('%s', (_case, error, [enTitle, enText], [zhTitle, zhText]) => {
    const english = tellError(error, context, en);
    expect(english.title).toBe(enTitle);
    expect(english.text).toContain(enText);
    const chinese = tellError(error, context, zh);
    expect(chinese.title).toBe(zhTitle);
    expect(chinese.text).toContain(zhText);
  });

  it('leaves a message it has no words for as it is', () => {
    expect(tellError(new TypeError('x.foo is not a function'), context, zh)).toMatchObject({
      title: 'TypeError',
      text: 'x.foo is not a function'
    });
  });
});
