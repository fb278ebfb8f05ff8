/**
 * The lecture's two building blocks, written as its PyTorch classes are (the `self` object holds the
 * sub-modules the way PyTorch's __init__ does; the returned function is forward()).
 */
import type * as tf from '@tensorflow/tfjs';
import { checkSize } from './cost';
import { add, BatchNorm2d, cat, Conv2d, relu, type Module, type NameOptions } from './layers';
import { avgPool2d } from './pooling';
import { claimName } from './provenance';

/**
 * A block names its layers "<block>/<layer>" (e.g. "incep1/branch5x5_2"): diagrams group and collapse by that
 * prefix. The name is claimed, and the sub-modules built, on first use, when the model being built is known.
 */
export function block(defaultName: string, options: NameOptions, build: (name: string) => Module): Module {
  let forward: Module | undefined;
  return (x) => {
    forward ??= build(claimName(x, options.name ?? defaultName));
    return forward(x);
  };
}

/** Output channels of InceptionA's branches (the lecture's: 16, 16→24, 16→24→24, pool→24). */
export interface InceptionWidths {
  /** branch1x1's channels. Default 16. */
  branch1x1: number;
  /** branch5x5_1's channels (the 1×1 bottleneck before the 5×5). Default 16. */
  branch5x5_1: number;
  /** branch5x5_2's channels (the 5×5). Default 24. */
  branch5x5_2: number;
  /** branch3x3_1's channels (the 1×1 bottleneck). Default 16. */
  branch3x3_1: number;
  /** branch3x3_2's channels (first 3×3). Default 24. */
  branch3x3_2: number;
  /** branch3x3_3's channels (second 3×3). Default 24. */
  branch3x3_3: number;
  /** branch_pool's channels (1×1 after the average pool). Default 24. */
  branch_pool: number;
}

/** The lecture's widths: output 16 + 24 + 24 + 24 = 88 channels. */
export const lectureWidths: InceptionWidths = {
  branch1x1: 16,
  branch5x5_1: 16,
  branch5x5_2: 24,
  branch3x3_1: 16,
  branch3x3_2: 24,
  branch3x3_3: 24,
  branch_pool: 24
};

/** Output channels of an InceptionA with these widths (88 for the lecture's). */
export function inceptionChannels(widths: Partial<InceptionWidths> = {}): number {
  const w = { ...lectureWidths, ...widths };
  return w.branch1x1 + w.branch5x5_2 + w.branch3x3_3 + w.branch_pool;
}

/** The lecture's InceptionA(in_channels): four branches on the same input, concatenated along channels. */
export function InceptionA(
  inChannels: number,
  options: NameOptions & { widths?: Partial<InceptionWidths> } = {}
): Module {
  checkSize('InceptionA inChannels', inChannels);
  const w = { ...lectureWidths, ...options.widths };
  return block('inceptionA', options, (name) => {
    const self = {
      branch1x1: Conv2d(inChannels, w.branch1x1, 1, { name: `${name}/branch1x1` }),

      branch5x5_1: Conv2d(inChannels, w.branch5x5_1, 1, { name: `${name}/branch5x5_1` }),
      branch5x5_2: Conv2d(w.branch5x5_1, w.branch5x5_2, 5, { padding: 2, name: `${name}/branch5x5_2` }),

      branch3x3_1: Conv2d(inChannels, w.branch3x3_1, 1, { name: `${name}/branch3x3_1` }),
      branch3x3_2: Conv2d(w.branch3x3_1, w.branch3x3_2, 3, { padding: 1, name: `${name}/branch3x3_2` }),
      branch3x3_3: Conv2d(w.branch3x3_2, w.branch3x3_3, 3, { padding: 1, name: `${name}/branch3x3_3` }),

      branch_pool: Conv2d(inChannels, w.branch_pool, 1, { name: `${name}/branch_pool` })
    };

    return (x: tf.SymbolicTensor) => {
      const branch1x1 = self.branch1x1(x);

      let branch5x5 = self.branch5x5_1(x);
      branch5x5 = self.branch5x5_2(branch5x5);

      let branch3x3 = self.branch3x3_1(x);
      branch3x3 = self.branch3x3_2(branch3x3);
      branch3x3 = self.branch3x3_3(branch3x3);

      let branchPool = avgPool2d(x, 3, { stride: 1, padding: 1, name: `${name}/avg_pool` });
      branchPool = self.branch_pool(branchPool);

      const outputs = [branch1x1, branch5x5, branch3x3, branchPool];
      return cat(outputs, { name: `${name}/concat` });
    };
  });
}

/** The lecture's ResidualBlock(channels): relu(x + conv2(relu(conv1(x)))), 3×3 convs with padding 1. */
export function ResidualBlock(channels: number, options: NameOptions = {}): Module {
  checkSize('ResidualBlock channels', channels);
  return block('residualBlock', options, (name) => {
    const self = {
      conv1: Conv2d(channels, channels, 3, { padding: 1, name: `${name}/conv1` }),
      conv2: Conv2d(channels, channels, 3, { padding: 1, name: `${name}/conv2` })
    };

    return (x: tf.SymbolicTensor) => {
      let y = relu(self.conv1(x), { name: `${name}/relu1` });
      y = self.conv2(y);
      return relu(add(x, y, { name: `${name}/add` }), { name: `${name}/relu2` });
    };
  });
}

/** One layer of the "deeper is not better" plain stack: conv 3×3 (no bias, BatchNorm follows) → BN → relu. */
export function ConvBnRelu(channels: number, options: NameOptions = {}): Module {
  checkSize('ConvBnRelu channels', channels);
  return block('convBnRelu', options, (name) => {
    const self = {
      conv: Conv2d(channels, channels, 3, { padding: 1, bias: false, name: `${name}/conv` }),
      bn: BatchNorm2d(channels, { name: `${name}/bn` })
    };
    return (x: tf.SymbolicTensor) => relu(self.bn(self.conv(x)), { name: `${name}/relu` });
  });
}

/**
 * Two ConvBnRelu layers with the identity added before the second relu (He et al. 2016's CIFAR block):
 * relu(x + bn2(conv2(relu(bn1(conv1(x)))))).
 */
export function ResidualPair(channels: number, options: NameOptions = {}): Module {
  checkSize('ResidualPair channels', channels);
  return block('residualPair', options, (name) => {
    const self = {
      conv1: Conv2d(channels, channels, 3, { padding: 1, bias: false, name: `${name}/conv1` }),
      bn1: BatchNorm2d(channels, { name: `${name}/bn1` }),
      conv2: Conv2d(channels, channels, 3, { padding: 1, bias: false, name: `${name}/conv2` }),
      bn2: BatchNorm2d(channels, { name: `${name}/bn2` })
    };
    return (x: tf.SymbolicTensor) => {
      let y = relu(self.bn1(self.conv1(x)), { name: `${name}/relu1` });
      y = self.bn2(self.conv2(y));
      return relu(add(x, y, { name: `${name}/add` }), { name: `${name}/relu2` });
    };
  });
}
