/**
 * The two generator helpers cells need: `observe` (turn callbacks into a stream of values) and `input`
 * (the current value of an input element, updated on every input event). These follow the semantics of
 * Observable's stdlib `Generators`; we do not import that package because its library loads other
 * packages from a CDN at run time, and this site must work offline.
 */

/**
 * Calls `initialize(change)`; every `change(value)` becomes the next value of the returned async
 * generator. Only the latest value is kept if the consumer is slower than the producer. The function
 * `initialize` returns, if any, is called when the consumer stops (a re-run or deletion of the cell).
 */
export async function* observe<T>(initialize: (change: (value: T) => void) => (() => void) | void) {
  let resolve: ((value: T) => void) | null = null;
  let latest: { value: T } | null = null;
  const change = (value: T) => {
    if (resolve) {
      resolve(value);
      resolve = null;
    } else {
      latest = { value };
    }
  };
  const dispose = initialize(change);
  try {
    while (true) {
      if (latest) {
        const { value } = latest;
        latest = null;
        yield value;
      } else {
        yield await new Promise<T>((r) => (resolve = r));
      }
    }
  } finally {
    if (typeof dispose === 'function') dispose();
  }
}

/** The value an input element currently holds, in the form a reader expects (number for a range). */
export function valueOf(element: Element): unknown {
  if (element instanceof HTMLInputElement) {
    switch (element.type) {
      case 'range':
      case 'number':
        return element.valueAsNumber;
      case 'checkbox':
        return element.checked;
      case 'file':
        return element.multiple ? element.files : element.files?.[0];
      default:
        return element.value;
    }
  }
  if (element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement) return element.value;
  return (element as unknown as { value: unknown }).value;
}

/** The element's value now, then again after every `input` event (or `change` for checkboxes). */
export function input(element: Element) {
  return observe((change) => {
    const event = element instanceof HTMLInputElement && element.type === 'checkbox' ? 'change' : 'input';
    const update = () => change(valueOf(element));
    element.addEventListener(event, update);
    update();
    return () => element.removeEventListener(event, update);
  });
}

/** An endless stream of the current time (ms), one per animation frame. */
export function* now() {
  while (true) yield Date.now();
}

/** The page content width, updated on resize: a cell that reads `width` redraws to fit. */
export function width(measure: () => number) {
  return observe<number>((change) => {
    let current = measure();
    change(current);
    const observer = new ResizeObserver(() => {
      const next = measure();
      if (next !== current) change((current = next));
    });
    observer.observe(document.body);
    return () => observer.disconnect();
  });
}

export const Generators = { observe, input, now: () => now() };
