/**
 * What one tfjs layer is in PyTorch: a sub-module (`nn.Conv2d(10, 16, kernel_size=1)`) or an expression
 * (`F.relu(x)`, `torch.cat([...], dim=1)`, `x.view(in_size, -1)`), read from the layer's config and the analysed
 * graph only, so it works as well on a model rebuilt from its JSON as on one just built. A layer without a
 * faithful translation says why.
 */
import type * as tf from '@tensorflow/tfjs';
import type { GraphNode } from '../nn/graph';
import type { Translation } from './forward';

/** How a conv's or BatchNorm's channel numbers are written (a block's `in_channels`, `channels`, or digits). */
export interface ChannelWords {
  /** The word for a conv's input channels / a BatchNorm's features. */
  in: (node: GraphNode, value: number) => string;
  /** The word for a conv's output channels. */
  out: (node: GraphNode, value: number) => string;
}

export const digits: ChannelWords = { in: (_n, v) => String(v), out: (_n, v) => String(v) };

const pairText = (p: [number, number]) => (p[0] === p[1] ? String(p[0]) : `(${p[0]}, ${p[1]})`);
const round = (v: number) => Number(v.toPrecision(6));

/** The config value `name` of a layer, loosely typed. */
function cfg(layer: tf.layers.Layer): Record<string, unknown> {
  return layer.getConfig() as Record<string, unknown>;
}

/** Wraps an expression in a tfjs `activation` a conv or dense layer carries in its config. */
function activationOf(name: unknown): ((a: string) => string) | undefined | null {
  if (name === undefined || name === null || name === 'linear') return undefined;
  const table: Record<string, (a: string) => string> = {
    relu: (a) => `F.relu(${a})`,
    sigmoid: (a) => `torch.sigmoid(${a})`,
    tanh: (a) => `torch.tanh(${a})`,
    softmax: (a) => `F.softmax(${a}, dim=1)`
  };
  return table[String(name)] ?? null;
}

/**
 * The translation of one node. `inShape` gives a node's input shape (PyTorch order, no batch); `onlyConsumer`
 * says which node alone reads this one (or undefined).
 */
export function translate(
  node: GraphNode,
  layer: tf.layers.Layer,
  inShape: number[],
  onlyConsumer: GraphNode | undefined,
  words: ChannelWords = digits
): Translation {
  const c = cfg(layer);
  const cls = node.className;
  switch (node.kind) {
    case 'conv': {
      if (cls !== 'Conv2D') return { problem: `${cls} has no translation here (only Conv2D)` };
      const dil = c.dilationRate as number[] | number | undefined;
      if (dil !== undefined && [dil].flat().some((d) => d !== 1))
        return { problem: 'dilated convolutions are not translated' };
      if (activationOf(c.activation) !== undefined)
        return { problem: `a conv with activation "${String(c.activation)}" is not translated` };
      const k = node.kernelSize as [number, number];
      const s = node.strides as [number, number];
      const pad = node.padding ?? 0;
      if (c.padding === 'same' && (s[0] !== 1 || k[0] % 2 === 0 || k[0] !== k[1])) {
        return { problem: 'tfjs "same" padding here is uneven, which nn.Conv2d cannot express' };
      }
      const args = [
        words.in(node, inShape[0]),
        words.out(node, Number(c.filters)),
        `kernel_size=${pairText(k)}`,
        ...(s[0] !== 1 || s[1] !== 1 ? [`stride=${pairText(s)}`] : []),
        ...(pad ? [`padding=${pad}`] : []),
        ...(c.useBias === false ? ['bias=False'] : [])
      ];
      return { module: { ctor: `nn.Conv2d(${args.join(', ')})`, kind: 'conv', weighted: true } };
    }
    case 'dense': {
      if (activationOf(c.activation) !== undefined)
        return { problem: `a dense layer with activation "${String(c.activation)}" is not translated` };
      if (inShape.length !== 1) return { problem: 'nn.Linear here needs a flat input (flatten first)' };
      const args = [String(inShape[0]), String(c.units), ...(c.useBias === false ? ['bias=False'] : [])];
      return { module: { ctor: `nn.Linear(${args.join(', ')})`, kind: 'dense', weighted: true } };
    }
    case 'batchnorm': {
      if (cls !== 'BatchNormalization') return { problem: `${cls} has no translation here` };
      if (c.center === false || c.scale === false)
        return { problem: 'BatchNorm without center or scale is not translated' };
      const axis = c.axis as number;
      if (axis !== -1 && axis !== inShape.length)
        return { problem: 'BatchNorm over another axis than channels' };
      const eps = round(Number(c.epsilon ?? 1e-3));
      const momentum = round(1 - Number(c.momentum ?? 0.99));
      const type = inShape.length === 3 ? 'BatchNorm2d' : 'BatchNorm1d';
      const args = [
        words.in(node, inShape[0]),
        ...(eps !== 1e-5 ? [`eps=${eps}`] : []),
        ...(momentum !== 0.1 ? [`momentum=${momentum}`] : [])
      ];
      return { module: { ctor: `nn.${type}(${args.join(', ')})`, kind: 'batchnorm', weighted: true } };
    }
    case 'pool': {
      if (cls === 'GlobalAveragePooling2D') return { expr: ([a]) => `${a}.mean(dim=(2, 3))` };
      if (cls === 'GlobalMaxPooling2D') return { expr: ([a]) => `${a}.amax(dim=(2, 3))` };
      const k = node.kernelSize as [number, number];
      const s = node.strides as [number, number];
      const pad = node.padding ?? 0;
      if (c.padding === 'same' && (s[0] !== 1 || k[0] % 2 === 0)) {
        return { problem: 'tfjs "same" pooling here is uneven, which PyTorch pooling cannot express' };
      }
      const extras =
        (s[0] !== k[0] || s[1] !== k[1] ? `, stride=${pairText(s)}` : '') + (pad ? `, padding=${pad}` : '');
      if (cls === 'MaxPooling2D') {
        return { module: { ctor: `nn.MaxPool2d(${pairText(k)}${extras})`, kind: 'pool', weighted: false } };
      }
      if (cls === 'AveragePooling2D') {
        const global =
          !pad && node.shape[1] === 1 && node.shape[2] === 1 && inShape[1] === k[0] && inShape[2] === k[1];
        if (global) return { module: { ctor: 'nn.AdaptiveAvgPool2d(1)', kind: 'pool', weighted: false } };
        // PyTorch counts the zero padding in the mean (count_include_pad=True), as the folded ZeroPadding2D does.
        const args = `kernel_size=${pairText(k)}${s[0] !== k[0] || s[1] !== k[1] ? `, stride=${pairText(s)}` : ''}${pad ? `, padding=${pad}` : ''}`;
        return { expr: ([a]) => `F.avg_pool2d(${a}, ${args})`, ownLine: true };
      }
      return { problem: `${cls} has no translation here` };
    }
    case 'activation': {
      if (cls === 'ReLU' && c.maxValue == null) return { expr: ([a]) => `F.relu(${a})` };
      if (cls === 'LeakyReLU')
        return { expr: ([a]) => `F.leaky_relu(${a}, ${round(Number(c.alpha ?? 0.3))})` };
      if (cls === 'Softmax') return { expr: ([a]) => `F.softmax(${a}, dim=1)` };
      if (cls === 'Activation') {
        const f = activationOf(c.activation);
        if (f === undefined) return { alias: true };
        if (f) return { expr: ([a]) => f(a) };
      }
      return { problem: `${cls} has no translation here` };
    }
    case 'concat': {
      const axis = c.axis as number;
      if (axis !== -1 && axis !== inShape.length)
        return { problem: 'concatenation along another axis than channels' };
      return { expr: (args) => `torch.cat([${args.join(', ')}], dim=1)` };
    }
    case 'add':
      return { expr: (args) => args.join(' + '), binary: true };
    case 'flatten':
      return { expr: ([a]) => `${a}.view(in_size, -1)` };
    case 'reshape': {
      const dims = c.dims as number[] | undefined;
      if (cls === 'Permute' && dims?.join() === '3,1,2' && onlyConsumer?.kind === 'flatten') {
        // flatten({ torchOrder: true }): tfjs permutes to C×H×W first; PyTorch's view already flattens that way.
        return { alias: true };
      }
      return { problem: `${cls} has no translation here (PyTorch tensors are N×C×H×W, tfjs ones N×H×W×C)` };
    }
    case 'pad': {
      const p = c.padding as [[number, number], [number, number]];
      return { expr: ([a]) => `F.pad(${a}, (${p[1][0]}, ${p[1][1]}, ${p[0][0]}, ${p[0][1]}))` };
    }
    case 'dropout':
      return { module: { ctor: `nn.Dropout(${round(Number(c.rate))})`, kind: 'dropout', weighted: false } };
    default:
      return { problem: `${cls} has no translation here` };
  }
}
