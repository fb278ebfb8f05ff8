/**
 * PyTorch-flavoured builders on the tfjs layers (functional) API, so a cell reads like the lecture:
 *
 *   const conv1 = Conv2d(1, 10, 5, { name: 'conv1' });
 *   const x0 = input([1, 28, 28]);
 *   let x = relu(maxPool(conv1(x0)));
 *
 * Tensors are NHWC inside (tfjs' channelsLast); every size a reader types or reads is PyTorch's C×H×W.
 * Like PyTorch, builders take explicit input channels / features and check them when applied; a mismatch
 * says which layer, what it expected, what it got and where that number comes from (see provenance.ts).
 *
 * Weights start as PyTorch's defaults do (kaiming_uniform(a=√5) = U(±1/√fan_in) for weights, U(±1/√fan_in)
 * for biases), not tfjs' Glorot, with seeds derived from `input(shape, { seed })` and the layer's name: the same
 * seed gives identical weights. A module that holds weights (Conv2d, Linear, BatchNorm2d) creates its tfjs
 * layer on first use and shares it when applied again, as a PyTorch module does; parameter-free operations
 * create a fresh tfjs layer at each use so every use is its own node in the diagram.
 */
import * as tf from '@tensorflow/tfjs';
import { checkSize } from './cost';
import { apply, checkWindow, imageSize, paddingMode, remember, ShapeError, zeroPad } from './util';
import {
  claimName,
  contextOf,
  formatShape,
  newContext,
  provenanceOf,
  seedFor,
  track,
  uniqueLayerNames,
  type GraphContext
} from './provenance';

/** A building block: takes a symbolic tensor, returns one (like calling a PyTorch module). */
export type Module = (x: tf.SymbolicTensor) => tf.SymbolicTensor;

export { ShapeError, torchRepr } from './util';

/** Options every builder takes. */
export interface NameOptions {
  /** Layer name in the model (unique names get "_2", "_3", … appended). Blocks prefix theirs: "incep1/…". */
  name?: string;
}

/** Options of Conv2d, as in PyTorch's nn.Conv2d. */
export interface ConvOptions extends NameOptions {
  /** Zero padding on each side, in pixels. Default 0. */
  padding?: number;
  /** Step between kernel positions. Default 1. */
  stride?: number;
  /** Add one bias per output channel (PyTorch's default `bias=True`). Default true. */
  bias?: boolean;
}

function uniform(bound: number, seed: number): ReturnType<typeof tf.initializers.randomUniform> {
  return tf.initializers.randomUniform({ minval: -bound, maxval: bound, seed });
}

/** Starts a model: an input of PyTorch shape C×H×W (or [features]); `seed` decides all initial weights. */
export function input(shape: number[], options: NameOptions & { seed?: number } = {}): tf.SymbolicTensor {
  shape.forEach((d, i) => checkSize(`input shape[${i}]`, d));
  if (shape.length !== 3 && shape.length !== 1) {
    throw new ShapeError('inputShape', { shape: shape.join(', ') });
  }
  const context: GraphContext = newContext(options.seed ?? 0);
  const nhwc = shape.length === 3 ? [shape[1], shape[2], shape[0]] : shape;
  const x = tf.input({ shape: nhwc, name: claimName(null, options.name ?? 'input') });
  return track(x, context, { channels: shape[0], from: { input: shape.join('×') } });
}

/** nn.Conv2d(inChannels, outChannels, kernelSize, padding=0, stride=1, bias=True). */
export function Conv2d(
  inChannels: number,
  outChannels: number,
  kernelSize: number,
  options: ConvOptions = {}
): Module {
  checkSize('Conv2d inChannels', inChannels);
  checkSize('Conv2d outChannels', outChannels);
  checkSize('Conv2d kernelSize', kernelSize);
  const padding = checkSize('Conv2d padding', options.padding ?? 0, true);
  const stride = checkSize('Conv2d stride', options.stride ?? 1);
  const mode = paddingMode(kernelSize, stride, padding);
  const bias = options.bias ?? true;
  const extras =
    (padding ? `, padding=${padding}` : '') +
    (stride !== 1 ? `, stride=${stride}` : '') +
    (bias ? '' : ', bias=False');
  const repr = `Conv2d(${inChannels}, ${outChannels}, kernel_size=${kernelSize}${extras})`;
  const fanIn = inChannels * kernelSize * kernelSize;
  let conv: tf.layers.Layer | undefined;

  return (x) => {
    const context = contextOf(x);
    if (!conv) {
      const name = claimName(x, options.name ?? 'conv2d');
      conv = remember(
        tf.layers.conv2d({
          name,
          filters: outChannels,
          kernelSize,
          strides: stride,
          useBias: bias,
          padding: mode === 'same' ? 'same' : 'valid',
          kernelInitializer: uniform(1 / Math.sqrt(fanIn), seedFor(context, `${name}/kernel`)),
          biasInitializer: uniform(1 / Math.sqrt(fanIn), seedFor(context, `${name}/bias`))
        }),
        repr
      );
    }
    const got = provenanceOf(x);
    imageSize(conv.name, x);
    if (got.channels !== inChannels) {
      const { channels, formula, from } = got;
      throw new ShapeError('convChannels', {
        layer: conv.name,
        expected: inChannels,
        got: channels,
        formula,
        from
      });
    }
    checkWindow(conv.name, x, kernelSize, padding);
    const padded = mode === 'explicit' ? zeroPad(x, padding, conv.name) : x;
    return track(apply(conv, padded), context, { channels: outChannels, from: { layer: conv.name } });
  };
}

/** nn.Linear(inFeatures, outFeatures, bias=True). */
export function Linear(
  inFeatures: number,
  outFeatures: number,
  options: NameOptions & { bias?: boolean } = {}
): Module {
  checkSize('Linear inFeatures', inFeatures);
  checkSize('Linear outFeatures', outFeatures);
  const bias = options.bias ?? true;
  let dense: tf.layers.Layer | undefined;
  return (x) => {
    const context = contextOf(x);
    if (!dense) {
      const name = claimName(x, options.name ?? 'linear');
      dense = remember(
        tf.layers.dense({
          name,
          units: outFeatures,
          useBias: bias,
          kernelInitializer: uniform(1 / Math.sqrt(inFeatures), seedFor(context, `${name}/kernel`)),
          biasInitializer: uniform(1 / Math.sqrt(inFeatures), seedFor(context, `${name}/bias`))
        }),
        `Linear(in_features=${inFeatures}, out_features=${outFeatures}${bias ? '' : ', bias=False'})`
      );
    }
    const got = provenanceOf(x);
    if (x.shape.length !== 2) {
      const [shape, from] = [formatShape(x.shape), got.from];
      throw new ShapeError('linearNotFlat', { layer: dense.name, expected: inFeatures, shape, from });
    }
    if (got.channels !== inFeatures) {
      const { channels, formula, from } = got;
      throw new ShapeError('linearFeatures', {
        layer: dense.name,
        expected: inFeatures,
        got: channels,
        formula,
        from
      });
    }
    return track(apply(dense, x), context, { channels: outFeatures, from: { layer: dense.name } });
  };
}

/** nn.BatchNorm2d(numFeatures, eps=1e-5, momentum=0.1): PyTorch's momentum m is tfjs' 1 − m. */
export function BatchNorm2d(
  numFeatures: number,
  options: NameOptions & { eps?: number; momentum?: number } = {}
): Module {
  checkSize('BatchNorm2d numFeatures', numFeatures);
  const eps = options.eps ?? 1e-5;
  const momentum = options.momentum ?? 0.1;
  let norm: tf.layers.Layer | undefined;
  return (x) => {
    const context = contextOf(x);
    if (!norm) {
      const name = claimName(x, options.name ?? 'batchnorm2d');
      norm = remember(
        tf.layers.batchNormalization({ name, axis: -1, epsilon: eps, momentum: 1 - momentum }),
        `BatchNorm2d(${numFeatures})`
      );
    }
    const got = provenanceOf(x);
    imageSize(norm.name, x);
    if (got.channels !== numFeatures) {
      const { channels, formula, from } = got;
      throw new ShapeError('batchNormChannels', {
        layer: norm.name,
        expected: numFeatures,
        got: channels,
        formula,
        from
      });
    }
    return track(apply(norm, x), context, got);
  };
}

/** F.relu(x): channels pass through unchanged (their provenance too). */
export function relu(x: tf.SymbolicTensor, options: NameOptions = {}): tf.SymbolicTensor {
  const context = contextOf(x);
  const layer = remember(tf.layers.reLU({ name: claimName(x, options.name ?? 'relu') }), 'ReLU()');
  return track(apply(layer, x), context, provenanceOf(x));
}

/** torch.cat(tensors, dim=1): stacks channels; H×W must agree. The sum is kept for error messages. */
export function cat(tensors: tf.SymbolicTensor[], options: NameOptions = {}): tf.SymbolicTensor {
  if (tensors.length === 0) throw new ShapeError('catEmpty', undefined);
  if (tensors.length === 1) return tensors[0];
  const context = contextOf(tensors[0]);
  const name = claimName(tensors, options.name ?? 'cat');
  const sizes = tensors.map((t) => imageSize(name, t).join('×'));
  if (new Set(sizes).size > 1) {
    throw new ShapeError('catSizes', { layer: name, sizes });
  }
  const parts = tensors.map((t) => provenanceOf(t).channels);
  const layer = remember(tf.layers.concatenate({ axis: -1, name }), 'torch.cat(dim=1)');
  return track(apply(layer, tensors), context, {
    channels: parts.reduce((a, b) => a + b, 0),
    formula: parts.join('+'),
    from: { layer: name }
  });
}

/** a + b (a residual join): both shapes must match exactly. */
export function add(
  a: tf.SymbolicTensor,
  b: tf.SymbolicTensor,
  options: NameOptions = {}
): tf.SymbolicTensor {
  const context = contextOf(a);
  const name = claimName([a, b], options.name ?? 'add');
  const [sa, sb] = [formatShape(a.shape), formatShape(b.shape)];
  if (sa !== sb) {
    const [fromA, fromB] = [provenanceOf(a).from, provenanceOf(b).from];
    throw new ShapeError('addShapes', { layer: name, a: sa, b: sb, fromA, fromB });
  }
  const layer = remember(tf.layers.add({ name }), 'x + y');
  return track(apply(layer, [a, b]), context, { ...provenanceOf(b), from: { layer: name } });
}

/**
 * x.view(in_size, -1): C×H×W → C·H·W features. tfjs flattens NHWC in H, W, C order; the count is PyTorch's, the
 * order of features is not (matters only when copying Linear weights from PyTorch: pass `torchOrder: true` to
 * permute to C, H, W first).
 */
export function flatten(
  x: tf.SymbolicTensor,
  options: NameOptions & { torchOrder?: boolean } = {}
): tf.SymbolicTensor {
  const context = contextOf(x);
  const name = claimName(x, options.name ?? 'flatten');
  const dims = x.shape.slice(1) as number[];
  const chw = dims.length === 3 ? [dims[2], dims[0], dims[1]] : dims;
  let y = x;
  if (options.torchOrder && dims.length === 3) {
    y = apply(tf.layers.permute({ dims: [3, 1, 2], name: claimName(x, `${name}_chw`) }), y);
  }
  y = apply(remember(tf.layers.flatten({ name }), 'Flatten()'), y);
  const features = chw.reduce((a, b) => a * b, 1);
  return track(y, context, { channels: features, formula: chw.join('·'), from: { layer: name } });
}

/** nn.Sequential(...modules): applies them in order. */
export function Sequential(...modules: Module[]): Module {
  return (x) => modules.reduce((y, m) => m(y), x);
}

/** Layers from the inputs to `outputs`, each once, in topological order (depth-first post-order). */
function layersOf(outputs: tf.SymbolicTensor[]): tf.layers.Layer[] {
  const order: tf.layers.Layer[] = [];
  const seen = new Set<tf.SymbolicTensor>();
  const visit = (t: tf.SymbolicTensor) => {
    if (seen.has(t)) return;
    seen.add(t);
    for (const i of t.sourceLayer.inboundNodes[t.nodeIndex]?.inputTensors ?? []) visit(i);
    if (!order.includes(t.sourceLayer)) order.push(t.sourceLayer);
  };
  outputs.forEach(visit);
  return order;
}

/**
 * Wraps the graph from `input()` to `output` as a tf.LayersModel. Names stay as given; only two layers with one
 * name on parallel branches (which tfjs refuses) are told apart, the later one getting "_2".
 */
export function buildModel(
  inputs: tf.SymbolicTensor,
  outputs: tf.SymbolicTensor,
  options: NameOptions = {}
): tf.LayersModel {
  uniqueLayerNames(layersOf([outputs]));
  return tf.model({ inputs, outputs, name: options.name });
}
