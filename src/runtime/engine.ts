/**
 * The notebook engine: one @observablehq/runtime per page, one runtime variable per cell plus one per
 * name the cell declares. It handles the runtime's pitfalls: unknown names throw "x is not defined",
 * an async cell races its `invalidation` so a never-settling promise cannot block the next run, removed
 * names are disposed, and tfjs objects a cell made are disposed when it re-runs.
 */
import { Runtime, RuntimeError, type Module, type Variable } from '@observablehq/runtime';
import { findConflict, ownersOf } from '../lib/notebook/cell-graph.js';
import { makeLoopGuard } from '../lib/notebook/loop-guard.js';
import { input } from './generators.js';
import { isLayersModel, isTensor } from './inspect.js';
import { CellOutput } from './output.js';
import type { ViewValues } from './view-values.js';

/** A cell ready to run: compiled, with a callable body. */
export interface EngineCell {
  /** the cell id */
  id: string;
  /** names read from other cells or builtins; passed to `body` after (display, view, loopGuard) */
  inputs: string[];
  /** names declared by the cell; `body` returns an object with these keys */
  outputs: string[];
  /** show the body's return value (expression and generator cells) */
  autodisplay: boolean;
  /** shown quietly when the cell displays nothing */
  hint?: string;
  /** the compiled cell function */
  body: (...args: unknown[]) => unknown;
  /** for reader-edited cells: where errors point, `cell-<id>.js` */
  sourceUrl?: string;
}

export type CellState = 'idle' | 'dirty' | 'running' | 'ok' | 'error';

/** What the engine tells the page about a cell. */
export interface CellReport {
  /** the new state */
  state: CellState;
  /** the error, when state is error */
  error?: unknown;
  /** 1-based line of the error in the cell, when known */
  line?: number;
}

interface CellRecord {
  cell: EngineCell;
  output: CellOutput;
  variable: Variable;
  /** output name → its variable; names another cell owns are never here */
  names: Map<string, Variable>;
  /** identifies the current run, so displays from a superseded run are dropped */
  run: object;
}

const cellVariableName = (id: string) => `cell ${id}`; // the space makes it unreachable from cell code

export class NotebookEngine {
  private readonly runtime: Runtime;
  private readonly module: Module;
  private readonly cells = new Map<string, CellRecord>();
  private readonly builtinNames: string[];
  private readonly report: (id: string, report: CellReport) => void;
  private readonly views: ViewValues | null;

  /** `views`, when given, learns of every input a cell shows with view(…) (for share links). */
  constructor(
    builtins: Record<string, unknown>,
    report: (id: string, report: CellReport) => void,
    views: ViewValues | null = null
  ) {
    this.builtinNames = Object.keys(builtins);
    this.report = report;
    this.views = views;
    // The runtime's default global resolver falls back to window properties (`name`, `top`, element ids);
    // the compiler already lets real browser globals through, so anything that reaches here is a mistake.
    this.runtime = new Runtime(builtins, (name) => {
      throw new RuntimeError(`${name} is not defined`, name);
    });
    this.module = this.runtime.module();
  }

  /** Every name a cell can read: builtins and the names cells declare (for autocomplete). */
  names(): string[] {
    return [...this.builtinNames, ...[...this.cells.values()].flatMap((r) => r.cell.outputs)];
  }

  /** The cell that declares `name`, if any. */
  ownerOf(name: string): string | undefined {
    return ownersOf([...this.cells.values()].map((r) => r.cell)).get(name);
  }

  /** Adds a cell at page load. */
  add(cell: EngineCell, root: HTMLElement): void {
    const record = { cell, output: new CellOutput(root), run: {}, names: new Map() } as unknown as CellRecord;
    record.variable = this.module.variable(this.observer(record));
    this.cells.set(cell.id, record);
    this.define(record, cell);
  }

  /**
   * Replaces a cell with a reader's edit. Returns false (and shows why in that cell) if the edit would
   * define a name another cell owns, or make a cycle; the other cells keep running.
   */
  replace(cell: EngineCell): boolean {
    const record = this.cells.get(cell.id);
    if (!record) throw new Error(`No cell "${cell.id}"`);
    const others = [...this.cells.values()].map((r) => r.cell);
    const conflict = findConflict(others, cell);
    if (conflict) {
      this.fail(cell.id, new Error(conflict));
      return false;
    }
    this.define(record, cell);
    return true;
  }

  /** Makes a cell show `error` (e.g. a syntax error); its names become unavailable to dependents. */
  fail(id: string, error: Error): void {
    const record = this.cells.get(id);
    if (!record) return;
    record.variable.define(cellVariableName(id), [], () => {
      throw error;
    });
  }

  /** Safe mode: the cell does not run until the reader asks; dependents wait. */
  pause(id: string, message: string): void {
    const record = this.cells.get(id);
    if (!record) return;
    const paused = new Error(message);
    paused.name = 'Paused';
    record.variable.define(cellVariableName(id), [], () => {
      throw paused;
    });
  }

  dispose(): void {
    for (const record of this.cells.values()) record.run = {};
    this.cells.clear();
    this.runtime.dispose();
  }

  private define(record: CellRecord, cell: EngineCell): void {
    record.cell = cell;
    record.variable.define(
      cellVariableName(cell.id),
      ['invalidation', ...cell.inputs],
      (...args: unknown[]) => this.run(record, cell, args[0] as Promise<void>, args.slice(1))
    );
    this.syncNames(record, cell);
  }

  /** Defines a variable for each declared name and removes the names the cell no longer declares. */
  private syncNames(record: CellRecord, cell: EngineCell): void {
    for (const [name, variable] of record.names) {
      if (!cell.outputs.includes(name)) {
        variable.dispose(); // invalidate first: delete() alone still delivers a last value (notebook-kit #174)
        variable.delete();
        record.names.delete(name);
      }
    }
    for (const name of cell.outputs) {
      if (record.names.has(name)) continue;
      const variable = this.module.define(
        name,
        [cellVariableName(cell.id)],
        (exports: Record<string, unknown>) => exports[name]
      );
      record.names.set(name, variable);
    }
  }

  private run(record: CellRecord, cell: EngineCell, invalidation: Promise<void>, inputs: unknown[]): unknown {
    const run = {};
    record.run = run;
    record.output.clear();
    const display = (value: unknown) => {
      if (record.run === run) record.output.display(value);
    };
    let views = 0;
    const view = (element: Element) => {
      display(element);
      // Named after the first name the cell declares (`const size = view(…)` → "size"); a second view in the
      // same cell gets "size#2".
      const name = (cell.outputs[0] ?? cell.id) + (views++ ? `#${views}` : '');
      if (record.run === run) this.views?.register(name, element);
      return input(element);
    };
    let value = cell.body(display, view, makeLoopGuard(), ...inputs);
    if (isGenerator(value)) return value;
    if (value instanceof Promise) {
      // Runtime 6 waits for a cell's previous run to settle before the next; without this race a
      // never-settling promise would block the cell forever.
      value = Promise.race([value, invalidation.then(() => undefined)]);
    }
    void Promise.resolve(value).then(
      (result) => invalidation.then(() => disposeOwned(result, inputs)),
      () => {}
    );
    return value;
  }

  private observer(record: CellRecord) {
    return {
      pending: () => this.report(record.cell.id, { state: 'running' }),
      fulfilled: (value: unknown) => {
        if (this.cells.get(record.cell.id) !== record) return; // disposed or replaced
        const { cell, output } = record;
        if (cell.autodisplay && value !== undefined) {
          output.clear();
          output.display(value);
        }
        if (cell.hint && output.root.childNodes.length === 0) output.notice(cell.hint, 'hint');
        this.report(cell.id, { state: 'ok' });
      },
      rejected: (error: unknown) => {
        if (this.cells.get(record.cell.id) !== record) return;
        this.showError(record, error);
      }
    };
  }

  private showError(record: CellRecord, error: unknown): void {
    const { cell, output } = record;
    const input = error instanceof RuntimeError ? error.input : undefined;
    const upstream = input?.startsWith('cell ') ? input.slice(5) : input ? this.ownerOf(input) : undefined;
    if (upstream && upstream !== cell.id) {
      // Not this cell's fault: say what it is waiting for, quietly, and leave the red box to the culprit.
      output.notice(`Waiting for \`${input}\`: cell “${upstream}” has an error.`, 'waiting');
      this.report(cell.id, { state: 'idle' });
      return;
    }
    if (error instanceof Error && error.name === 'Paused') {
      output.notice(error.message, 'paused');
      this.report(cell.id, { state: 'idle' });
      return;
    }
    const line = errorLine(error, cell);
    output.error(explain(error, this.names()), line);
    this.report(cell.id, { state: 'error', error, line });
  }
}

function isGenerator(value: unknown): value is AsyncGenerator | Generator {
  return (
    !!value &&
    typeof value === 'object' &&
    typeof (value as Generator).next === 'function' &&
    typeof (value as Generator).return === 'function'
  );
}

/** Disposes tfjs tensors and models a cell made (not ones it received as inputs) when it re-runs. */
function disposeOwned(result: unknown, inputs: unknown[]): void {
  const values =
    result && typeof result === 'object' && !isTensor(result) && !isLayersModel(result)
      ? Object.values(result as Record<string, unknown>)
      : [result];
  for (const value of values) {
    if ((isTensor(value) || isLayersModel(value)) && !inputs.includes(value)) {
      (value as unknown as { dispose(): void }).dispose();
    }
  }
}

/** The line in the reader's cell, from an error thrown by an edited cell (`cell-<id>.js:LINE:COL`). */
function errorLine(error: unknown, cell: EngineCell): number | undefined {
  if (!(error instanceof Error)) return undefined;
  if ('line' in error && typeof error.line === 'number') return error.line; // a CellSyntaxError
  if (!cell.sourceUrl || !error.stack) return undefined;
  const escaped = cell.sourceUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}:(\\d+):\\d+`).exec(error.stack);
  return match ? Number(match[1]) - 1 : undefined; // the body starts on line 2 of the generated function
}

/** Adds a suggestion to "x is not defined" when a known name is one typo away. */
function explain(error: unknown, names: string[]): unknown {
  if (!(error instanceof RuntimeError)) return error;
  const match = /^(.+) is not defined$/.exec(error.message);
  if (!match) return error;
  const close = names.filter((n) => editDistance(n, match[1]) <= 2 && n !== match[1]);
  if (close.length === 0) return error;
  return new RuntimeError(
    `${error.message}. Did you mean ${close.map((n) => `\`${n}\``).join(' or ')}?`,
    error.input
  );
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
