/**
 * The notebook engine: one @observablehq/runtime per page, one runtime variable per cell plus one per
 * name the cell declares. It handles the runtime's pitfalls: unknown names throw "x is not defined",
 * async values race their `invalidation` so a never-settling promise cannot block the next run, removed
 * names are disposed, tfjs objects a cell made are disposed when it re-runs, and every error — of the
 * cell's body, of a promise or generator it declares, of a loop stopped in a callback it started —
 * is shown in that cell.
 */
import { Runtime, RuntimeError, type Module, type Variable } from '@observablehq/runtime';
import type { Messages } from '../lib/i18n/en.js';
import { word, type Wording } from '../lib/i18n/worded.js';
import { findConflict, ownersOf } from '../lib/notebook/cell-graph.js';
import { makeLoopGuard, type LoopTimeoutError } from '../lib/notebook/loop-guard.js';
import { tellError } from './cell-errors.js';
import { input } from './generators.js';
import { disposeOwned, isGenerator, raceInvalidation } from './cell-values.js';
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
  /** shown quietly when the cell displays nothing, in the page's words */
  hint?: Wording;
  /** the compiled cell function */
  body: (...args: unknown[]) => unknown;
  /** for reader-edited cells: where errors point, `cell-<id>.js` */
  sourceUrl?: string;
  /** for reader-edited cells: the line of `body` where the cell's own code starts */
  firstLine?: number;
  /** its input starts heavy work, so share links neither carry nor set it */
  nolink?: boolean;
}

export type CellState = 'idle' | 'dirty' | 'running' | 'ok' | 'error';

/** What the engine tells the page about a cell. */
export interface CellReport {
  /** the new state */
  state: CellState;
  /** the error's words, when state is error */
  message?: string;
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
  /** the loop the current run's guard stopped, if it stopped one */
  stopped: LoopTimeoutError | null;
  /** paused (safe mode, or code from a link not yet run) rather than defined */
  paused: boolean;
}

const cellVariableName = (id: string) => `cell ${id}`; // the space makes it unreachable from cell code

export class NotebookEngine {
  private readonly runtime: Runtime;
  private readonly module: Module;
  private readonly cells = new Map<string, CellRecord>();
  private readonly builtinNames: string[];
  private readonly report: (id: string, report: CellReport) => void;
  private readonly views: ViewValues | null;
  private readonly messages: Messages;

  /** `views`, when given, learns of every input a cell shows with view(…) (for share links). */
  constructor(
    builtins: Record<string, unknown>,
    messages: Messages,
    report: (id: string, report: CellReport) => void,
    views: ViewValues | null = null
  ) {
    this.builtinNames = Object.keys(builtins);
    this.messages = messages;
    this.report = report;
    this.views = views;
    // The runtime's default global resolver falls back to window properties (`name`, `top`, element ids);
    // the compiler already lets real browser globals through, so anything that reaches here is a mistake.
    this.runtime = new Runtime(builtins, (name) => {
      throw new RuntimeError(`${name} is not defined`, name); // the runtime's own words: tellError maps them
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
    const output = new CellOutput(root, this.messages);
    const record = {
      cell,
      output,
      run: {},
      names: new Map(),
      stopped: null,
      paused: false
    } as unknown as CellRecord;
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
      this.fail(cell.id, conflict);
      return false;
    }
    this.define(record, cell);
    return true;
  }

  /** Makes a cell show `error` (e.g. a syntax error); its names become unavailable to dependents. */
  fail(id: string, error: Error): void {
    const record = this.cells.get(id);
    if (!record) return;
    record.paused = false;
    record.variable.define(cellVariableName(id), [], () => {
      throw error;
    });
  }

  /** Safe mode: the cell does not run until the reader asks; dependents wait. */
  pause(id: string, message: string): void {
    const record = this.cells.get(id);
    if (!record) return;
    record.paused = true;
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
    record.paused = false;
    record.variable.define(
      cellVariableName(cell.id),
      ['invalidation', ...cell.inputs],
      (...args: unknown[]) => this.run(record, cell, args[0] as Promise<void>, args.slice(1))
    );
    this.syncNames(record, cell);
  }

  /**
   * Defines a variable for each declared name and removes the names the cell no longer declares. Each name
   * is observed, so a promise it holds that rejects, or a generator that throws, shows in the cell.
   */
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
      const variable = this.module.variable(this.nameObserver(record, name));
      variable.define(
        name,
        ['invalidation', cellVariableName(cell.id)],
        (invalidation: Promise<void>, exports: Record<string, unknown>) =>
          raceInvalidation(exports[name], invalidation)
      );
      record.names.set(name, variable);
    }
  }

  private run(record: CellRecord, cell: EngineCell, invalidation: Promise<void>, inputs: unknown[]): unknown {
    const run = {};
    record.run = run;
    record.stopped = null;
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
      if (record.run === run) this.views?.register(name, element, { linkable: !cell.nolink });
      return input(element);
    };
    // A loop the guard stops in a timer or promise callback has no caller to report to: the guard tells us.
    const guard = makeLoopGuard(undefined, undefined, (stopped) => {
      if (record.run !== run) return;
      record.stopped = stopped;
      this.showError(record, stopped);
    });
    let value = cell.body(display, view, guard, ...inputs);
    if (isGenerator(value)) return value;
    value = raceInvalidation(value, invalidation);
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
        // The cell caught the error of the loop its guard stopped; it was stopped all the same.
        if (record.stopped) return this.showError(record, record.stopped);
        const { cell, output } = record;
        if (cell.autodisplay && value !== undefined) {
          output.clear();
          output.display(value);
        }
        if (cell.hint && output.root.childNodes.length === 0)
          output.notice(word(cell.hint, this.messages), 'hint');
        const shadows = cell.outputs.filter((name) => this.builtinNames.includes(name));
        if (shadows.length > 0) output.notice(this.messages.engine.shadowsBuiltin(shadows), 'hint');
        this.report(cell.id, { state: 'ok' });
      },
      rejected: (error: unknown) => {
        if (this.cells.get(record.cell.id) !== record) return;
        this.showError(record, error);
      }
    };
  }

  /** A declared name's own failure (its promise rejected, its generator threw) belongs to its cell. */
  private nameObserver(record: CellRecord, name: string) {
    return {
      rejected: (error: unknown) => {
        if (this.cells.get(record.cell.id) !== record || !record.names.has(name)) return;
        // The cell itself failed: its own observer shows that.
        if (error instanceof RuntimeError && error.input === cellVariableName(record.cell.id)) return;
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
      const paused = this.cells.get(upstream)?.paused === true;
      const { waitingFor, waitingForPaused } = this.messages.engine;
      output.notice((paused ? waitingForPaused : waitingFor)(input!, upstream), 'waiting');
      this.report(cell.id, { state: 'idle' });
      return;
    }
    if (error instanceof Error && error.name === 'Paused') {
      output.notice(error.message, 'paused');
      this.report(cell.id, { state: 'idle' });
      return;
    }
    const told = tellError(
      error,
      {
        sourceUrl: cell.sourceUrl,
        firstLine: cell.firstLine,
        names: this.names(),
        shadowed: this.shadowedInputs(cell)
      },
      this.messages
    );
    output.error(told);
    this.report(cell.id, { state: 'error', message: told.text, line: told.line });
  }

  /** Builtins `cell` reads that another cell redefines, with that cell's id. */
  private shadowedInputs(cell: EngineCell): [string, string][] {
    return cell.inputs
      .filter((name) => this.builtinNames.includes(name))
      .map((name) => [name, this.ownerOf(name)] as [string, string | undefined])
      .filter((pair): pair is [string, string] => pair[1] !== undefined && pair[1] !== cell.id);
  }
}
