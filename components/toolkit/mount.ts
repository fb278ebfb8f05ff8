/**
 * Mounts a Svelte component into a fresh element a cell can return or display. The element unmounts its
 * component once it leaves the page (the engine clears a cell's output when the cell re-runs), so a chart
 * re-made on every training step does not leave a trail of live components behind.
 */
import { mount, unmount, type Component } from 'svelte';
import { messages, type Messages } from '../../src/lib/i18n';
import { wordsContext } from '../words';

/** The element a diagram function returns. */
export interface DiagramElement extends HTMLDivElement {
  /** Unmounts the component now (also happens by itself when the element leaves the page). */
  dispose(): void;
  /** For views (`view(costExplorer())`): the current value, updated before each `input` event. */
  value?: unknown;
  /** For views a share link can set: shows `value` as if the reader had entered it (refused if invalid). */
  restore?: (value: unknown) => void;
}

// Elements shown at least once, watched by one MutationObserver: when one is no longer in the document,
// its component is unmounted. Moving an element (remove + insert in one task) keeps it alive, because the
// observer runs after the task, when it is connected again.
const live = new Set<DiagramElement>();
const pending = new Set<DiagramElement>();
let observer: MutationObserver | null = null;

function sweep() {
  for (const element of pending) {
    if (element.isConnected) {
      pending.delete(element);
      live.add(element);
    }
  }
  for (const element of live) if (!element.isConnected) element.dispose();
}

function watch(element: DiagramElement) {
  pending.add(element);
  if (!observer && typeof MutationObserver !== 'undefined') {
    observer = new MutationObserver(sweep);
    observer.observe(document.documentElement, { childList: true, subtree: true });
  }
}

// Diagrams are mounted by cells, outside the page's component tree, so they cannot inherit its words:
// the page says which catalogue they speak when it makes the builtins (one page, one language).
let diagramWords: Messages = messages('en');

/** The words every diagram mounted from now on uses. */
export function useDiagramWords(catalogue: Messages): void {
  diagramWords = catalogue;
}

/** The page's words, for what the toolkit builds without a component (a progress line). */
export function toolkitWords(): Messages {
  return diagramWords;
}

/**
 * Mounts `component` with `props` into a new element. Views pass `view: true`: the component then gets an
 * `onvalue` prop that sets the element's `value` and dispatches `input`, as an <input> would. A view that
 * a share link may set also passes `restore`: the props that show a given value, or null if it is invalid.
 */
export function mountDiagram<P extends Record<string, unknown>>(
  component: Component<P>,
  props: P,
  options: {
    className?: string;
    view?: boolean;
    initialValue?: unknown;
    restore?: (value: unknown) => Partial<P> | null;
  } = {}
): DiagramElement {
  const element = document.createElement('div') as DiagramElement;
  element.className = `nb-diagram ${options.className ?? ''}`.trim();
  // The component lives one level down: Svelte delegates events to its mount target, and the inner
  // inputs' own `input` events must not reach a view() listener on the outer element (only ours should).
  const target = document.createElement('div');
  element.append(target);
  let allProps: P = props;
  if (options.view) {
    element.value = options.initialValue;
    target.addEventListener('input', (event) => event.stopPropagation());
    const onvalue = (value: unknown) => {
      element.value = value;
      element.dispatchEvent(new Event('input', { bubbles: true }));
    };
    allProps = { ...props, onvalue };
  }
  const context = wordsContext(diagramWords);
  let app: Record<string, unknown> | null = mount(component, { target, props: allProps, context });
  const restore = options.restore;
  if (restore) {
    element.restore = (value) => {
      const props = restore(value);
      if (!props) return;
      // Components take their starting value as a prop, so showing another value means mounting afresh.
      if (app) void unmount(app);
      allProps = { ...allProps, ...props };
      app = mount(component, { target, props: allProps, context });
      element.value = value;
    };
  }
  element.dispose = () => {
    live.delete(element);
    pending.delete(element);
    if (app) void unmount(app);
    app = null;
  };
  watch(element);
  return element;
}
