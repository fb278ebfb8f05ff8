/**
 * The CodeMirror 6 setup for cells: JavaScript with the same highlight classes as the static code,
 * Shift+Enter / Mod+Enter to run (at highest precedence: since @codemirror/commands 6.7 Shift-Enter
 * inserts a newline by default), Esc to leave the editor, autocomplete of notebook names.
 */
import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  closeCompletion,
  completionKeymap,
  completionStatus,
  type CompletionContext
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { javascript, javascriptLanguage, localCompletionSource } from '@codemirror/lang-javascript';
import { bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter } from '@codemirror/lint';
import { Prec, type Extension } from '@codemirror/state';
import { EditorView, drawSelection, keymap, lineNumbers } from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';

export interface EditorHooks {
  /** called with the new text on every change */
  onChange(text: string): void;
  /** Shift+Enter / Mod+Enter */
  onRun(): void;
  /** names to offer: builtins and names other cells declare */
  names(): string[];
}

function leave(view: EditorView): boolean {
  closeCompletion(view);
  view.contentDOM.blur();
  return true;
}

export function cellExtensions(hooks: EditorHooks, label: string): Extension[] {
  const run = () => {
    hooks.onRun();
    return true;
  };
  const notebookNames = (context: CompletionContext) => {
    const word = context.matchBefore(/[\w$]+/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    // Not after a dot: `model.la…` wants properties, which we cannot know statically.
    if (context.state.sliceDoc(word.from - 1, word.from) === '.') return null;
    return {
      from: word.from,
      options: [...new Set(hooks.names())].map((name) => ({
        label: name,
        type: 'variable',
        detail: 'notebook'
      })),
      validFor: /^[\w$]*$/
    };
  };
  return [
    Prec.highest(
      keymap.of([
        { key: 'Shift-Enter', run },
        { key: 'Mod-Enter', run },
        // Esc closes a visible completion list first; otherwise (even while one is still being computed,
        // invisibly) it leaves the editor, so keyboard users are never trapped.
        { key: 'Escape', run: (view) => (completionStatus(view.state) === 'active' ? false : leave(view)) }
      ])
    ),
    lineNumbers(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    javascript(),
    javascriptLanguage.data.of({ autocomplete: notebookNames }),
    javascriptLanguage.data.of({ autocomplete: localCompletionSource }),
    autocompletion(),
    syntaxHighlighting(classHighlighter),
    lintGutter(),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ 'aria-label': label }),
    keymap.of([...closeBracketsKeymap, ...completionKeymap, ...defaultKeymap, ...historyKeymap]),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) hooks.onChange(update.state.doc.toString());
    })
  ];
}
