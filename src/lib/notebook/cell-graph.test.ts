import { describe, expect, it } from 'vitest';
import { findConflict, findCycle, ownersOf } from './cell-graph.js';
import { word } from '../i18n/worded.js';
import { zh } from '../i18n/zh.js';

const cell = (id: string, inputs: string[], outputs: string[]) => ({ id, inputs, outputs });

describe('findConflict()', () => {
  const cells = [cell('a', [], ['x']), cell('b', ['x'], ['y']), cell('c', ['y'], [])];

  it('findConflict() accepts an edit that keeps names unique and acyclic', () => {
    expect(findConflict(cells, cell('c', ['x', 'y'], ['z']))).toBeNull();
  });

  it('findConflict() names the cell that already defines a name', () => {
    expect(findConflict(cells, cell('c', [], ['x']))?.message).toMatch(/`x` is already defined in cell “a”/);
  });

  it('findConflict() lets a cell keep its own names when it is edited', () => {
    expect(findConflict(cells, cell('a', [], ['x', 'w']))).toBeNull();
  });

  it('findConflict() reports a cycle through another cell as a path of names', () => {
    expect(findConflict(cells, cell('a', ['y'], ['x']))?.message).toBe(
      'Circular definition: x → y → x. A cell cannot depend, even indirectly, on its own result.'
    );
  });
});

describe('findCycle()', () => {
  it('findCycle() is null for a chain', () => {
    const cells = [cell('a', [], ['x']), cell('b', ['x'], ['y'])];
    expect(findCycle(cells, cells[1])).toBeNull();
  });

  it('findCycle() finds a longer loop', () => {
    const cells = [cell('a', ['z'], ['x']), cell('b', ['x'], ['y']), cell('c', ['y'], ['z'])];
    expect(findCycle(cells, cells[0])).toEqual(['x', 'z', 'y', 'x']);
  });
});

describe('ownersOf()', () => {
  it('ownersOf() maps each name to the first cell that defines it', () => {
    expect(ownersOf([cell('a', [], ['x']), cell('b', [], ['x', 'y'])])).toEqual(
      new Map([
        ['x', 'a'],
        ['y', 'b']
      ])
    );
  });
});

describe('findConflict() in Chinese', () => {
  const cells = [cell('a', [], ['x']), cell('b', ['x'], ['y'])];
  it.each([
    [cell('c', [], ['x']), '`x` 已经在单元格“a”中定义过了。'],
    [cell('a', ['y'], ['x']), '循环定义：x → y → x。单元格不能依赖（哪怕是间接依赖）自己的结果。']
  ])('words the conflict of %j from its wording', (edited, chinese) => {
    const error = findConflict(cells, edited)!;
    expect(word(error.wording, zh)).toContain(chinese);
  });
});
