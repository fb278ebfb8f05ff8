/**
 * Writes a cell's results into its output element: values, errors, and the quieter notes ("waiting for
 * an input", hints). The one place in the runtime that touches the page; it receives its root element.
 */
import type { Messages } from '../lib/i18n/en.js';
import { spaced, type ToldError } from './cell-errors.js';
import { inspect, isDisplayableNode, note } from './inspect.js';
import { alignNumbers } from './tables.js';

/** More `display()` calls than this in one run are dropped, so a display in a big loop cannot freeze. */
export const maxDisplaysPerRun = 200;

export class CellOutput {
  /** the element the cell's output lives in */
  readonly root: HTMLElement;
  private readonly messages: Messages;
  private count = 0;

  constructor(root: HTMLElement, messages: Messages) {
    this.root = root;
    this.messages = messages;
  }

  clear(): void {
    this.count = 0;
    this.root.replaceChildren();
  }

  display(value: unknown): void {
    this.count++;
    if (this.count > maxDisplaysPerRun) {
      if (this.count === maxDisplaysPerRun + 1) {
        this.root.append(note(this.messages.engine.truncated(maxDisplaysPerRun)));
      }
      return;
    }
    const node = isDisplayableNode(value, this.root) ? value : inspect(value);
    if (node instanceof Element || node instanceof DocumentFragment) alignNumbers(node);
    this.root.append(node);
  }

  /** An error that belongs to this cell: a red box with the message, the line when known, and any note. */
  error(told: ToldError): void {
    this.clear();
    const box = document.createElement('div');
    box.className = 'nb-error';
    box.setAttribute('role', 'alert');
    const title = document.createElement('strong');
    title.textContent = told.title;
    // A Chinese title takes a full-width colon.
    const colon = /\p{Script=Han}$/u.test(told.title) ? '：' : ': ';
    box.append(title, document.createTextNode(`${colon}${told.text}`));
    if (told.line !== undefined && !told.lineInText)
      box.append(note(spaced('', this.messages.engine.atLine(told.line))));
    if (told.note) box.append(note(` ${told.note}`));
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
