/** The editor (CodeMirror) is loaded on demand, once, after the page has rendered or on first click. */
let pending: Promise<typeof import('./Editor.svelte')> | null = null;

export function loadEditor() {
  pending ??= import('./Editor.svelte');
  return pending;
}
