/**
 * Writes a cell's results into its output element: values, errors, and the quieter notes ("waiting for
 * an input", hints). The one place in the runtime that touches the page; it receives its root element.
 */
import { inspect, isDisplayableNode, note } from './inspect.js';

/** More `display()` calls than this in one run are dropped, so a display in a big loop cannot freeze. */
export const maxDisplaysPerRun = 200;

export class CellOutput {
  /** the element the cell's output lives in */
  readonly root: HTMLElement;
  private count = 0;

  constructor(root: HTMLElement) {
    this.root = root;
  }

  clear(): void {
    this.count = 0;
    this.root.replaceChildren();
  }

  display(value: unknown): void {
    this.count++;
    if (this.count > maxDisplaysPerRun) {
      if (this.count === maxDisplaysPerRun + 1) {
        this.root.append(
          note(`Output truncated: this cell displayed more than ${maxDisplaysPerRun} values.`)
        );
      }
      return;
    }
    this.root.append(isDisplayableNode(value, this.root) ? value : inspect(value));
  }

  /** An error that belongs to this cell: a red box with the message and, when known, the line. */
  error(error: unknown, line?: number): void {
    this.clear();
    const box = document.createElement('div');
    box.className = 'nb-error';
    box.setAttribute('role', 'alert');
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    const title = document.createElement('strong');
    title.textContent = name === 'RuntimeError' ? 'Error' : name;
    box.append(title, document.createTextNode(`: ${message}`));
    if (line !== undefined && !/\bline \d+/.test(message)) box.append(note(` (line ${line})`));
    this.root.append(box);
  }

  /** A quiet note: this cell cannot run because something it reads is broken elsewhere, or a hint. */
  notice(text: string, kind: 'waiting' | 'hint' | 'paused'): void {
    if (kind !== 'hint') this.clear();
    const box = document.createElement('div');
    box.className = `nb-notice nb-notice-${kind}`;
    box.textContent = text;
    this.root.append(box);
  }
}
