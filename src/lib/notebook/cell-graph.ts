/**
 * Static checks on how cells depend on each other, made before a reader's edit reaches the runtime.
 * The runtime would report a duplicate name or a cycle in every cell involved; checking first lets us
 * put the message in the cell the reader just edited and leave the others running.
 */
import { WordedError } from '../i18n/worded.js';

/** What the checks need to know about a cell. */
export interface CellDeps {
  /** the cell id */
  id: string;
  /** names the cell reads */
  inputs: string[];
  /** names the cell declares */
  outputs: string[];
}

/** Which cell declares each name. With duplicates, the first cell wins. */
export function ownersOf(cells: CellDeps[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const cell of cells) for (const name of cell.outputs) if (!owners.has(name)) owners.set(name, cell.id);
  return owners;
}

/**
 * Returns an error explaining why `edited` cannot replace the cell with the same id among `cells`, or
 * null when it can: a name already declared by another cell, or a cycle through other cells.
 */
export function findConflict(
  cells: CellDeps[],
  edited: CellDeps
): WordedError<'nameTaken'> | WordedError<'circular'> | null {
  const others = cells.filter((c) => c.id !== edited.id);
  const owners = ownersOf(others);
  for (const name of edited.outputs) {
    const owner = owners.get(name);
    if (owner) return new WordedError('nameTaken', { name, cell: owner });
  }
  const cycle = findCycle([...others, edited], edited);
  if (cycle) return new WordedError('circular', { cycle });
  return null;
}

/** A path of names from one of `start`'s outputs back to itself, if its inputs lead back to it. */
export function findCycle(cells: CellDeps[], start: CellDeps): string[] | null {
  const owners = new Map<string, CellDeps>();
  for (const cell of cells) for (const name of cell.outputs) owners.set(name, cell);
  const visited = new Set<string>();
  // Depth-first search over "cell reads name → cell that defines name", remembering the names on the path.
  const search = (cell: CellDeps, path: string[]): string[] | null => {
    for (const name of cell.inputs) {
      const owner = owners.get(name);
      if (!owner) continue;
      if (owner.id === start.id) return [...path, name];
      if (visited.has(owner.id)) continue;
      visited.add(owner.id);
      const found = search(owner, [...path, name]);
      if (found) return found;
    }
    return null;
  };
  const path = search(start, []);
  if (!path) return null;
  // Close the loop: the last name is one of start's outputs, which start's first input leads to.
  return [path[path.length - 1], ...path];
}
