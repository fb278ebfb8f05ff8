/**
 * Cost arithmetic for convolutions: how many multiply-adds and how many weights.
 *
 * The lecture counts a k×k convolution with "same" padding from an H×W×Cin input to Cout channels as
 * k²·H·W·Cin·Cout multiplications (one multiply-add per kernel weight per output pixel) and k²·Cin·Cout
 * weights. Biases are left out of that count, as in the lecture and in GoogLeNet's table; tfjs and PyTorch
 * both keep one bias per output channel, so `weights(..., { bias: true })` adds Cout.
 */
import { WordedError } from '../i18n/worded';

/** The size of one convolution, as the lecture writes it (output H×W equals input H×W: "same" padding). */
export interface ConvSize {
  /** Height of the feature map, in pixels. */
  height: number;
  /** Width of the feature map, in pixels. */
  width: number;
  /** Channels going in. */
  inChannels: number;
  /** Channels coming out. */
  outChannels: number;
  /** Kernel side k (a k×k kernel). */
  kernelSize: number;
}

/** Options for counting weights. */
export interface WeightOptions {
  /** Count one bias per output channel, as tfjs `useBias` and PyTorch `bias=True` do. Default false. */
  bias?: boolean;
}

/** The cost of one convolution. */
export interface ConvCost {
  /** Multiply-adds: k²·H·W·Cin·Cout. */
  multAdds: number;
  /** Weights: k²·Cin·Cout (+ Cout with biases). */
  weights: number;
}

/** A 5×5 (or k×k) convolution with and without a 1×1 bottleneck of width b in front of it. */
export interface BottleneckComparison {
  /** The k×k convolution applied directly. */
  direct: ConvCost;
  /** The 1×1 convolution Cin → b. */
  reduce: ConvCost;
  /** The k×k convolution b → Cout after the bottleneck. */
  expand: ConvCost;
  /** reduce + expand. */
  bottleneck: ConvCost;
  /** direct.multAdds / bottleneck.multAdds (9.68 for the lecture's example). */
  ratio: number;
}

/** Throws a learner-facing error unless `value` is a positive integer (or ≥ 0 when `allowZero`). */
export function checkSize(field: string, value: unknown, allowZero = false): number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new WordedError('sizeNotNumber', { field, value: String(value) });
  }
  if (!Number.isInteger(value)) throw new WordedError('sizeNotWhole', { field, value: String(value) });
  if (value < 0) throw new WordedError('sizeNegative', { field, value: String(value) });
  if (value === 0 && !allowZero) throw new WordedError('sizeZero', { field });
  return value;
}

function checkConv(size: ConvSize): void {
  checkSize('height', size.height);
  checkSize('width', size.width);
  checkSize('inChannels', size.inChannels);
  checkSize('outChannels', size.outChannels);
  checkSize('kernelSize', size.kernelSize);
}

/** Multiply-adds of one k×k convolution: k²·H·W·Cin·Cout. */
export function convMultAdds(size: ConvSize): number {
  checkConv(size);
  const { height, width, inChannels, outChannels, kernelSize } = size;
  return kernelSize * kernelSize * height * width * inChannels * outChannels;
}

/** Weights of one k×k convolution: k²·Cin·Cout, plus Cout biases when asked. */
export function convWeights(size: ConvSize, options: WeightOptions = {}): number {
  checkConv(size);
  const { inChannels, outChannels, kernelSize } = size;
  return kernelSize * kernelSize * inChannels * outChannels + (options.bias ? outChannels : 0);
}

/** Multiply-adds and weights of one convolution. */
export function convCost(size: ConvSize, options: WeightOptions = {}): ConvCost {
  return { multAdds: convMultAdds(size), weights: convWeights(size, options) };
}

/**
 * Compares a k×k convolution Cin → Cout with the same convolution behind a 1×1 bottleneck Cin → b → Cout.
 * The lecture's example, `compareBottleneck({height: 28, width: 28, inChannels: 192, outChannels: 32,
 * kernelSize: 5}, 16)`, gives 120,422,400 vs 2,408,448 + 10,035,200 = 12,443,648 multiply-adds.
 */
export function compareBottleneck(
  size: ConvSize,
  bottleneckWidth: number,
  options: WeightOptions = {}
): BottleneckComparison {
  checkSize('bottleneckWidth', bottleneckWidth);
  const direct = convCost(size, options);
  const reduce = convCost({ ...size, outChannels: bottleneckWidth, kernelSize: 1 }, options);
  const expand = convCost({ ...size, inChannels: bottleneckWidth }, options);
  const bottleneck = {
    multAdds: reduce.multAdds + expand.multAdds,
    weights: reduce.weights + expand.weights
  };
  return { direct, reduce, expand, bottleneck, ratio: direct.multAdds / bottleneck.multAdds };
}

/** A GoogLeNet Inception module as its Table 1 lists it: one row of "#1×1, #3×3 reduce, #3×3, …". */
export interface InceptionSpec {
  /** Feature map height (and width, if `width` is left out). */
  height: number;
  /** Feature map width; defaults to height. */
  width?: number;
  /** Input channels. */
  inChannels: number;
  /** The 1×1 branch's channels ("#1×1"). */
  c1x1: number;
  /** The 1×1 reduction in front of the 3×3 ("#3×3 reduce"). */
  c3x3Reduce: number;
  /** The 3×3 convolution's channels ("#3×3"). */
  c3x3: number;
  /** The 1×1 reduction in front of the 5×5 ("#5×5 reduce"). */
  c5x5Reduce: number;
  /** The 5×5 convolution's channels ("#5×5"). */
  c5x5: number;
  /** The 1×1 projection after the 3×3 max pool ("pool proj"). */
  poolProj: number;
}

/** Cost of each convolution of an Inception module and the totals. */
export interface InceptionCost {
  /** One entry per convolution, in Table 1's column order. */
  convs: { name: string; cost: ConvCost }[];
  /** Sum of multiply-adds (pooling is not counted, as in the paper). */
  multAdds: number;
  /** Sum of weights. */
  weights: number;
  /** Output channels: c1x1 + c3x3 + c5x5 + poolProj. */
  outChannels: number;
}

/** Multiply-adds and weights of a GoogLeNet Inception module (all convolutions "same" padded). */
export function inceptionCost(spec: InceptionSpec, options: WeightOptions = {}): InceptionCost {
  const height = spec.height;
  const width = spec.width ?? spec.height;
  const conv = (inChannels: number, outChannels: number, kernelSize: number) =>
    convCost({ height, width, inChannels, outChannels, kernelSize }, options);
  const convs = [
    { name: '1×1', cost: conv(spec.inChannels, spec.c1x1, 1) },
    { name: '3×3 reduce', cost: conv(spec.inChannels, spec.c3x3Reduce, 1) },
    { name: '3×3', cost: conv(spec.c3x3Reduce, spec.c3x3, 3) },
    { name: '5×5 reduce', cost: conv(spec.inChannels, spec.c5x5Reduce, 1) },
    { name: '5×5', cost: conv(spec.c5x5Reduce, spec.c5x5, 5) },
    { name: 'pool proj', cost: conv(spec.inChannels, spec.poolProj, 1) }
  ];
  return {
    convs,
    multAdds: convs.reduce((sum, c) => sum + c.cost.multAdds, 0),
    weights: convs.reduce((sum, c) => sum + c.cost.weights, 0),
    outChannels: spec.c1x1 + spec.c3x3 + spec.c5x5 + spec.poolProj
  };
}

/** GoogLeNet Table 1, inception (3a): 28×28×192 → 28×28×256. */
export const inception3a: InceptionSpec = {
  height: 28,
  inChannels: 192,
  c1x1: 64,
  c3x3Reduce: 96,
  c3x3: 128,
  c5x5Reduce: 16,
  c5x5: 32,
  poolProj: 32
};

/** GoogLeNet Table 1, inception (3b): 28×28×256 → 28×28×480. */
export const inception3b: InceptionSpec = {
  height: 28,
  inChannels: 256,
  c1x1: 128,
  c3x3Reduce: 128,
  c3x3: 192,
  c5x5Reduce: 32,
  c5x5: 96,
  poolProj: 64
};
