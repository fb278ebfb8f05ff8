/**
 * Where a tensor's channel count comes from, so a mismatch can be explained the way a learner needs it:
 * "conv2 expects 88 input channels but receives 104 = 16+24+24+40 from incep1's concat".
 *
 * tfjs symbolic tensors carry only a shape. The builders in layers.ts record, for every tensor they produce,
 * a Provenance (the channel count, how it was summed, which layer decided it) and the GraphContext of the
 * model being built (its seed and the layer names already taken). Both live in WeakMaps so they vanish with
 * the tensors.
 */
import type * as tf from '@tensorflow/tfjs';
import type { Source } from '../i18n/en';

/** Why a tensor has the channel (or feature) count it has. */
export interface Provenance {
  /** The count itself: channels of an image tensor, features of a flat one. */
  channels: number;
  /** How the count was made, when it is a sum or a product: "16+24+24+24" or "88·4·4". */
  formula?: string;
  /** Who decided it: a layer ("incep1/concat"), or the input and its shape; the page words it. */
  from: Source;
}

/** Per-model building state, created by `input()` and inherited by every tensor built from it. */
export interface GraphContext {
  /** Seed from which every layer's initial weights are derived (by layer name). */
  seed: number;
}

const provenances = new WeakMap<tf.SymbolicTensor, Provenance>();
const contexts = new WeakMap<tf.SymbolicTensor, GraphContext>();

/** Tensors made with raw tf.layers have no context; their layers share this one so names stay unique. */
const looseContext: GraphContext = { seed: 0 };

/** Starts the building state of a new model. */
export function newContext(seed: number): GraphContext {
  return { seed };
}

/** The building state a tensor belongs to (the shared loose one for tensors made outside these builders). */
export function contextOf(x: tf.SymbolicTensor): GraphContext {
  return contexts.get(x) ?? looseContext;
}

/** Records where a freshly built tensor's channels come from and which model it belongs to. */
export function track(
  x: tf.SymbolicTensor,
  context: GraphContext,
  provenance: Provenance
): tf.SymbolicTensor {
  contexts.set(x, context);
  provenances.set(x, provenance);
  return x;
}

/** Where a tensor's channel count comes from; for foreign tensors, the layer that made them. */
export function provenanceOf(x: tf.SymbolicTensor): Provenance {
  const known = provenances.get(x);
  if (known) return known;
  const channels = x.shape[x.shape.length - 1] ?? 0;
  const layer = x.sourceLayer;
  const isInput = layer?.getClassName() === 'InputLayer';
  return {
    channels,
    from: isInput ? { input: formatShape(x.shape) } : { layer: layer?.name ?? x.name }
  };
}

/** "= 16+24+24+40 " when the count has a formula, else "". */
export function formulaPart(p: Provenance): string {
  return p.formula ? ` = ${p.formula}` : '';
}

/**
 * The layer names (and block prefixes: "incep1" of "incep1/concat") already used upstream of `inputs`, walking
 * the tfjs graph back to the input. Only the model's own ancestry counts: a layer built by an earlier run of a
 * cell hangs off the same input but is no ancestor, so re-running a cell gives its layers the same names again.
 */
export function namesUpstream(inputs: tf.SymbolicTensor[]): Set<string> {
  const names = new Set<string>();
  const seen = new Set<tf.SymbolicTensor>();
  const stack = [...inputs];
  while (stack.length) {
    const t = stack.pop() as tf.SymbolicTensor;
    if (seen.has(t)) continue;
    seen.add(t);
    const layer = t.sourceLayer;
    if (!layer) continue;
    const parts = layer.name.split('/');
    for (let i = 1; i <= parts.length; i++) names.add(parts.slice(0, i).join('/'));
    stack.push(...(layer.inboundNodes[t.nodeIndex]?.inputTensors ?? []));
  }
  return names;
}

/**
 * Claims a layer name for a layer applied to `inputs`: the name asked for, or, when a layer upstream already has
 * it (relu after relu), "relu_2", "relu_3", … Two layers with one name on parallel branches are told apart when
 * the model is built (see uniqueLayerNames).
 */
export function claimName(inputs: tf.SymbolicTensor | tf.SymbolicTensor[] | null, base: string): string {
  const taken = inputs == null ? new Set<string>() : namesUpstream([inputs].flat());
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  return name;
}

/**
 * Renames layers so every name in the model is unique (tfjs requires it): a layer whose name an earlier one in
 * `layers` (topological order) already has gets "_2", "_3", …; inside a block the block part is numbered
 * ("incep1_2/concat"), so the copy stays a block of its own.
 */
export function uniqueLayerNames(layers: tf.layers.Layer[]): void {
  const used = new Set<string>();
  for (const layer of layers) {
    if (used.has(layer.name)) {
      const slash = layer.name.indexOf('/');
      const [head, tail] =
        slash < 0 ? [layer.name, ''] : [layer.name.slice(0, slash), layer.name.slice(slash)];
      let i = 2;
      while (used.has(`${head}_${i}${tail}`)) i++;
      layer.name = `${head}_${i}${tail}`;
    }
    used.add(layer.name);
  }
}

/** A tfjs NHWC shape written as PyTorch prints it without the batch: [null,12,12,88] → "88×12×12". */
export function formatShape(shape: readonly (number | null)[]): string {
  const dims = shape.slice(1);
  const chw = dims.length === 3 ? [dims[2], dims[0], dims[1]] : dims;
  return chw.map((d) => (d == null ? '?' : String(d))).join('×');
}

/** A deterministic 31-bit seed for one weight of one layer (FNV-1a over the model seed and the name). */
export function seedFor(context: GraphContext, name: string): number {
  let hash = 0x811c9dc5 ^ (context.seed | 0);
  for (const ch of name) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % 0x7fffffff;
}
