/**
 * Analyses any tf.LayersModel (functional, tf.sequential, or built with layers.ts) into a graph a diagram or a
 * table can show: nodes in topological order, each with its output shape in PyTorch's C×H×W order, parameters,
 * multiply-adds and activation memory, plus what a diagram labels (a concat's parts, a flatten's factors, a
 * residual add's skip input) and the block a layer belongs to (the "incep1/" prefix of its name).
 *
 * Counting conventions (stated once, used everywhere):
 * - params: PyTorch's count (trainable and frozen weights; BatchNorm's running mean/variance are buffers, not
 *   parameters, so they go to `buffers`). A layer applied twice counts its parameters at its first use only.
 * - multAdds, per sample: conv Hout·Wout·Cout·kh·kw·Cin (per group); dense in·out. Biases, pooling
 *   (comparisons or additions), activations, adds, BatchNorm and concatenation count 0: they are a small
 *   number of operations per element, not multiply-adds — the lecture's counting.
 * - activationBytes, per sample: the output tensor's elements × 4 bytes (float32).
 */
import type * as tf from '@tensorflow/tfjs';
import { WordedError } from '../i18n/worded';
import { torchRepr } from './util';
import { multAddsOf, weightCounts } from './counts';
import { kindOf, type NodeKind } from './kinds';

export { kindOf, type NodeKind } from './kinds';

/** One application of one layer. */
export interface GraphNode {
  /** Unique id: the layer name (a second use of a shared layer gets "#2"). */
  id: string;
  /** The layer's tfjs name, e.g. "incep1/branch5x5_2". */
  name: string;
  /** The name without its block prefix, e.g. "branch5x5_2". */
  shortName: string;
  /** tfjs class name, e.g. "Conv2D". */
  className: string;
  /** What it does. */
  kind: NodeKind;
  /** The block it belongs to (name prefix before the last "/"), or null. */
  block: string | null;
  /** Ids of the nodes feeding it, in argument order. */
  inputs: string[];
  /** Ids of the nodes it feeds. */
  outputs: string[];
  /** Output shape without the batch, in PyTorch order: [C, H, W] for images, [features] for vectors. */
  shape: number[];
  /** Output shape as tfjs holds it, batch first (null), channels last. */
  nhwc: (number | null)[];
  /** The shape as text, "88×12×12". */
  shapeLabel: string;
  /** Parameters (PyTorch's count). */
  params: number;
  /** Non-parameter state (BatchNorm running statistics). */
  buffers: number;
  /** Multiply-adds per sample (see the module comment). */
  multAdds: number;
  /** Bytes of the output activation per sample (float32). */
  activationBytes: number;
  /** Kernel size for conv and pool, [kh, kw]. */
  kernelSize?: [number, number];
  /** Stride for conv and pool, [sh, sw]. */
  strides?: [number, number];
  /** PyTorch-equivalent padding for conv and pool ('same' at k = 3 is 1; a folded ZeroPadding2D adds its own). */
  padding?: number;
  /** For concat: the channels of each input, in order (16, 24, 24, 24). */
  concatParts?: number[];
  /** For flatten: the C, H, W being multiplied (88, 4, 4). */
  flattenFactors?: number[];
  /** For add: the input that arrives by a skip connection (an ancestor of the other input). */
  skipInput?: string;
  /** The diagram's annotation: "16+24+24+24 = 88", "88·4·4 = 1408", or "". */
  note: string;
  /** How PyTorch would print the layer, when known ("Conv2d(16, 24, kernel_size=5, padding=2)"), else className. */
  torch: string;
  /** Id of the first use when this node reuses a shared layer. */
  sharedWith?: string;
}

/** An edge from a producer to a consumer. */
export interface GraphEdge {
  /** Producer node id. */
  from: string;
  /** Consumer node id. */
  to: string;
  /** True for a residual skip connection (drawn as an arc). */
  skip: boolean;
}

/** A group of nodes sharing a name prefix (an InceptionA, a ResidualBlock). */
export interface GraphBlock {
  /** The prefix, e.g. "incep1". */
  id: string;
  /** Its nodes, in topological order. */
  nodes: string[];
  /** Nodes outside the block that feed it. */
  inputs: string[];
  /** Its nodes whose output leaves the block (or the model). */
  outputs: string[];
}

/** Sums over the model. */
export interface GraphTotals {
  /** Parameters (PyTorch's count). */
  params: number;
  /** BatchNorm running statistics and other non-parameter weights. */
  buffers: number;
  /** Multiply-adds per sample. */
  multAdds: number;
  /** Bytes of all activations per sample (float32). */
  activationBytes: number;
}

/** The analysed model. */
export interface ModelGraph {
  /** The model's name. */
  name: string;
  /** Nodes in topological order (inputs first, branches one after another as the code wrote them). */
  nodes: GraphNode[];
  /** All edges, in node order. */
  edges: GraphEdge[];
  /** Blocks found from layer-name prefixes. */
  blocks: GraphBlock[];
  /** Totals. */
  totals: GraphTotals;
}

/** Options of analyseModel. */
export interface AnalyseOptions {
  /** Merge a ZeroPadding2D feeding one conv or pool into that layer's `padding`, as PyTorch shows it. Default true. */
  foldPadding?: boolean;
}

/** Throws a clear message unless `value` looks like a tf.LayersModel with a known input shape. */
export function assertLayersModel(value: unknown): asserts value is tf.LayersModel {
  const m = value as Partial<tf.LayersModel> | null;
  if (m == null || typeof m !== 'object' || !Array.isArray(m.layers) || typeof m.getLayer !== 'function') {
    const what =
      value === null
        ? 'null'
        : typeof value === 'object'
          ? (value.constructor?.name ?? 'an object')
          : typeof value;
    throw new WordedError('notLayersModel', { got: what });
  }
  if (!Array.isArray(m.outputs) || m.outputs.length === 0) {
    throw new WordedError('noInputShape', { model: m.name ?? '' });
  }
}

const pair = (v: unknown): [number, number] =>
  Array.isArray(v) ? [v[0], v[1] ?? v[0]] : [Number(v), Number(v)];
const product = (xs: number[]) => xs.reduce((a, b) => a * b, 1);

/** [null, H, W, C] → [C, H, W]; other ranks stay, without the batch. */
export function toTorchShape(nhwc: readonly (number | null)[]): number[] {
  const dims = nhwc.slice(1).map((d) => d ?? 0);
  return dims.length === 3 ? [dims[2], dims[0], dims[1]] : dims;
}

function firstShape(shapes: tf.Shape | tf.Shape[]): (number | null)[] {
  return Array.isArray(shapes[0]) ? (shapes as tf.Shape[])[0] : (shapes as tf.Shape);
}

/** Analyses a model into nodes, edges, blocks and totals. */
export function analyseModel(model: tf.LayersModel, options: AnalyseOptions = {}): ModelGraph {
  assertLayersModel(model);
  const foldPadding = options.foldPadding ?? true;
  const nodes: GraphNode[] = [];
  const idOf = new Map<string, string>(); // "layerName#nodeIndex" → node id
  const seenLayers = new Map<tf.layers.Layer, string>();

  // Depth-first from the outputs, inputs in argument order: a post-order lists each branch whole, in the order
  // the code concatenates them, and is a topological order.
  const visit = (layer: tf.layers.Layer, nodeIndex: number): string => {
    const key = `${layer.name}#${nodeIndex}`;
    const known = idOf.get(key);
    if (known) return known;
    const tfNode = layer.inboundNodes[nodeIndex];
    const inputs = tfNode.inboundLayers.map((l, i) => visit(l, tfNode.nodeIndices[i]));
    const firstUse = seenLayers.get(layer);
    const id = firstUse
      ? `${layer.name}#${nodes.filter((n) => n.name === layer.name).length + 1}`
      : layer.name;
    if (!firstUse) seenLayers.set(layer, id);
    const className = layer.getClassName();
    const kind = kindOf(className);
    const config = layer.getConfig() as Record<string, unknown>;
    const nhwc = firstShape(tfNode.outputShapes);
    const inShape = tfNode.inboundLayers.length ? firstShape(tfNode.inputShapes) : nhwc;
    const shape = toTorchShape(nhwc);
    const counts = firstUse ? { params: 0, buffers: 0 } : weightCounts(layer);
    const slash = layer.name.lastIndexOf('/');
    const node: GraphNode = {
      id,
      name: layer.name,
      shortName: layer.name.slice(slash + 1),
      className,
      kind,
      block: slash < 0 ? null : layer.name.slice(0, slash),
      inputs,
      outputs: [],
      shape,
      nhwc,
      shapeLabel: shape.join('×'),
      ...counts,
      multAdds: multAddsOf(kind, className, config, inShape, nhwc),
      activationBytes: product(shape) * 4,
      note: '',
      torch: torchRepr(layer) ?? className
    };
    if (firstUse) node.sharedWith = firstUse;
    if (kind === 'conv' || (kind === 'pool' && config.poolSize)) {
      node.kernelSize = pair(config.kernelSize ?? config.poolSize);
      node.strides = pair(config.strides ?? node.kernelSize);
      node.padding = config.padding === 'same' ? Math.floor((node.kernelSize[0] - 1) / 2) : 0;
    }
    if (kind === 'pad') node.padding = pair(pair(config.padding)[0])[0];
    if (kind === 'concat') {
      node.concatParts = (tfNode.inputShapes as tf.Shape[]).map((s) => s[s.length - 1] ?? 0);
      node.note = `${node.concatParts.join('+')} = ${shape[0]}`;
    }
    if (kind === 'flatten') {
      node.flattenFactors = toTorchShape(inShape);
      node.note = `${node.flattenFactors.join('·')} = ${shape[0]}`;
    }
    nodes.push(node);
    idOf.set(key, id);
    return id;
  };
  for (const t of model.outputs) visit(t.sourceLayer, t.nodeIndex);

  const graphNodes = foldPadding ? foldPads(nodes) : nodes;
  return finish(model.name, graphNodes);
}

/** Merges each ZeroPadding2D that feeds exactly one conv/pool into it (its id disappears from the graph). */
function foldPads(nodes: GraphNode[]): GraphNode[] {
  const consumers = (id: string) => nodes.filter((n) => n.inputs.includes(id));
  const folded = new Map<string, string[]>(); // pad id → the pad's inputs
  for (const pad of nodes.filter((n) => n.kind === 'pad')) {
    const users = consumers(pad.id);
    if (users.length !== 1 || (users[0].kind !== 'conv' && users[0].kind !== 'pool')) continue;
    users[0].padding = (users[0].padding ?? 0) + (pad.padding ?? 0);
    folded.set(pad.id, pad.inputs);
  }
  return nodes
    .filter((n) => !folded.has(n.id))
    .map((n) => ({ ...n, inputs: n.inputs.flatMap((id) => folded.get(id) ?? [id]) }));
}

function finish(name: string, nodes: GraphNode[]): ModelGraph {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const n of nodes) n.outputs = [];
  for (const n of nodes) for (const i of n.inputs) byId.get(i)?.outputs.push(n.id);

  // Ancestor sets (nodes are topologically ordered) decide which input of an add is the skip connection.
  const ancestors = new Map<string, Set<string>>();
  for (const n of nodes) {
    const set = new Set<string>();
    for (const i of n.inputs) {
      set.add(i);
      for (const a of ancestors.get(i) ?? []) set.add(a);
    }
    ancestors.set(n.id, set);
  }
  for (const n of nodes.filter((m) => m.kind === 'add' && m.inputs.length === 2)) {
    const [a, b] = n.inputs;
    if (ancestors.get(b)?.has(a)) n.skipInput = a;
    else if (ancestors.get(a)?.has(b)) n.skipInput = b;
  }

  const edges = nodes.flatMap((n) =>
    n.inputs.map((from) => ({ from, to: n.id, skip: n.skipInput === from }))
  );
  const blockIds = [...new Set(nodes.map((n) => n.block).filter((b): b is string => b !== null))];
  const blocks = blockIds.map((id) => {
    const members = nodes.filter((n) => n.block === id);
    const inside = new Set(members.map((n) => n.id));
    return {
      id,
      nodes: members.map((n) => n.id),
      inputs: [...new Set(members.flatMap((n) => n.inputs).filter((i) => !inside.has(i)))],
      outputs: members
        .filter((n) => n.outputs.length === 0 || n.outputs.some((o) => !inside.has(o)))
        .map((n) => n.id)
    };
  });
  const sum = (f: (n: GraphNode) => number) => nodes.reduce((s, n) => s + f(n), 0);
  const totals = {
    params: sum((n) => n.params),
    buffers: sum((n) => n.buffers),
    multAdds: sum((n) => n.multAdds),
    activationBytes: sum((n) => n.activationBytes)
  };
  return { name, nodes, edges, blocks, totals };
}
