import { describe, expect, it } from 'vitest';
import { findConflict, findCycle, ownersOf } from './cell-graph.js';

const cell = (id: string, inputs: string[], outputs: string[]) => ({ id, inputs, outputs });

describe('findConflict()', () => {
  const cells = [cell('a', [], ['x']), cell('b', ['x'], ['y']), cell('c', ['y'], [])];

  it('findConflict() accepts an edit that keeps names unique and acyclic', () => {
    expect(findConflict(cells, cell('c', ['x', 'y'], ['z']))).toBeNull();
  });

  it('findConflict() names the cell that already defines a name', () => {
    expect(findConflict(cells, cell('c', [], ['x']))).toMatch(/`x` is already defined in cell “a”/);
  });

  it('findConflict() lets a cell keep its own names when it is edited', () => {
    expect(findConflict(cells, cell('a', [], ['x', 'w']))).toBeNull();
  });

  it('findConflict() reports a cycle through another cell as a path of names', () => {
    expect(findConflict(cells, cell('a', ['y'], ['x']))).toBe(
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
