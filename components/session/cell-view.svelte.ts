/** One cell as the page shows it: the reader's source, the engine's state, the current error, flags. */
import type { CellState } from '../../src/runtime/engine';
import type { ShippedCell } from '../../src/runtime/types';

export class CellView {
  /** the shipped cell */
  readonly shipped: ShippedCell;
  /** the source in the editor now */
  source = $state('');
  /** the source that last ran (or is running) */
  ranSource = $state('');
  /** the engine's state for the cell, or dirty while the editor differs from what ran */
  engineState = $state<CellState>('idle');
  /** 1-based line of the current error, if any */
  errorLine = $state<number | undefined>(undefined);
  /** the current error's message, if any */
  errorMessage = $state('');
  /** 0-based column of the current syntax error, if any */
  errorColumn = $state<number | undefined>(undefined);
  /** whether the code is shown */
  showCode = $state(false);
  /** the shipped original has changed since the reader's draft was started */
  originalChanged = $state(false);
  /** counts resets, so an open editor knows to reload its text */
  revision = $state(0);
  /** the code came from a link or a file someone else made; it has not run, and runs only on the reader's word */
  foreign = $state<'link' | 'file' | null>(null);

  constructor(shipped: ShippedCell) {
    this.shipped = shipped;
    this.source = this.ranSource = shipped.source;
    this.showCode = shipped.echo;
  }

  /** differs from the shipped original */
  get edited(): boolean {
    return this.source !== this.shipped.source;
  }

  get state(): CellState {
    return this.source !== this.ranSource ? 'dirty' : this.engineState;
  }

  /** Puts `source` in the editor (a reset, undo or restored draft), not as the reader's typing. */
  load(source: string): void {
    this.source = source;
    this.revision++;
  }
}
