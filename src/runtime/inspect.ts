/**
 * Turns any value a cell produces into a DOM node: DOM nodes as themselves, tfjs tensors and models as
 * compact summaries, everything else through Observable's expandable inspector.
 */
import { Inspector } from '@observablehq/inspector';

/** Longer strings are cut so a careless `'x'.repeat(1e8)` cannot freeze the page. */
export const maxStringLength = 20_000;
/** Tensors with at most this many values show their numbers; bigger ones show only their shape. */
const maxTensorValues = 100;

interface TensorLike {
  shape: number[];
  dtype: string;
  size: number;
  isDisposed: boolean;
  arraySync(): unknown;
}

interface ModelLike {
  name: string;
  layers: unknown[];
  countParams(): number;
}

export function isTensor(value: unknown): value is TensorLike {
  return !!value && typeof value === 'object' && 'dataId' in value && 'shape' in value && 'dtype' in value;
}

export function isLayersModel(value: unknown): value is ModelLike {
  return (
    !!value && typeof value === 'object' && 'layers' in value && 'countParams' in value && 'summary' in value
  );
}

/** True for nodes the output can adopt as they are (not already shown elsewhere on the page). */
export function isDisplayableNode(value: unknown, root: Element): value is Node {
  return (
    (value instanceof Element || value instanceof Text || value instanceof DocumentFragment) &&
    (!value.parentNode || value.parentNode === root || value instanceof DocumentFragment)
  );
}

export function inspect(value: unknown): Node {
  if (isTensor(value)) return inspectTensor(value);
  if (isLayersModel(value))
    return summaryLine(
      `${value.name}: ${value.layers.length} layers, ` +
        `${value.countParams().toLocaleString('en-US')} parameters`,
      'model'
    );
  if (typeof value === 'string' && value.length > maxStringLength) {
    const node = inspectWithInspector(value.slice(0, maxStringLength));
    node.append(
      note(`… ${(value.length - maxStringLength).toLocaleString('en-US')} more characters not shown`)
    );
    return node;
  }
  return inspectWithInspector(value);
}

function inspectWithInspector(value: unknown): HTMLElement {
  const node = document.createElement('div');
  new Inspector(node).fulfilled(value);
  return node;
}

function inspectTensor(tensor: TensorLike): HTMLElement {
  if (tensor.isDisposed) return summaryLine('Tensor (disposed)', 'tensor');
  const shape = tensor.shape.length ? `[${tensor.shape.join(', ')}]` : 'scalar';
  const node = summaryLine(`Tensor ${tensor.dtype} ${shape}`, 'tensor');
  if (tensor.size <= maxTensorValues) {
    const values = document.createElement('div');
    new Inspector(values).fulfilled(tensor.arraySync());
    node.append(values);
  } else {
    node.append(note(` ${tensor.size.toLocaleString('en-US')} values`));
  }
  return node;
}

function summaryLine(text: string, kind: string): HTMLElement {
  const node = document.createElement('div');
  node.className = `nb-summary nb-summary-${kind}`;
  node.textContent = text;
  return node;
}

export function note(text: string): HTMLElement {
  const node = document.createElement('span');
  node.className = 'nb-note';
  node.textContent = text;
  return node;
}
