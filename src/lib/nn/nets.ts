/**
 * The lecture's networks, each written as its PyTorch Net class: modules first (__init__), then forward().
 * All take an MNIST digit 1×28×28 and return 10 logits; `seed` fixes every initial weight.
 */
import type * as tf from '@tensorflow/tfjs';
import { InceptionA, ConvBnRelu, ResidualBlock, ResidualPair } from './blocks';
import { BatchNorm2d, buildModel, Conv2d, flatten, input, Linear, relu } from './layers';
import { AdaptiveAvgPool2d, MaxPool2d } from './pooling';
import { checkSize } from './cost';
import { WordedError } from '../i18n/worded';

/** Options of the net builders. */
export interface NetOptions {
  /** Seed of the initial weights (same seed, same weights). Default 0. */
  seed?: number;
}

/** The previous lecture's CNN: conv 1→10 k5, pool, relu, conv 10→20 k5, pool, relu, fc 320→10. */
export function simpleCnn(options: NetOptions = {}): tf.LayersModel {
  const self = {
    conv1: Conv2d(1, 10, 5, { name: 'conv1' }),
    conv2: Conv2d(10, 20, 5, { name: 'conv2' }),
    pooling: MaxPool2d(2, { name: 'pooling' }),
    fc: Linear(320, 10, { name: 'fc' })
  };

  const x0 = input([1, 28, 28], { seed: options.seed });
  let x = relu(self.pooling(self.conv1(x0)));
  x = relu(self.pooling(self.conv2(x)));
  x = flatten(x);
  x = self.fc(x);
  return buildModel(x0, x, { name: 'simpleCnn' });
}

/** The lecture's Inception net: 1×28×28 → … → 88×4×4 → flatten 1408 → fc → 10. */
export function inceptionNet(options: NetOptions = {}): tf.LayersModel {
  const self = {
    conv1: Conv2d(1, 10, 5, { name: 'conv1' }),
    conv2: Conv2d(88, 20, 5, { name: 'conv2' }),
    incep1: InceptionA(10, { name: 'incep1' }),
    incep2: InceptionA(20, { name: 'incep2' }),
    mp: MaxPool2d(2, { name: 'mp' }),
    fc: Linear(1408, 10, { name: 'fc' })
  };

  const x0 = input([1, 28, 28], { seed: options.seed });
  let x = relu(self.mp(self.conv1(x0)));
  x = self.incep1(x);
  x = relu(self.mp(self.conv2(x)));
  x = self.incep2(x);
  x = flatten(x);
  x = self.fc(x);
  return buildModel(x0, x, { name: 'inceptionNet' });
}

/** The lecture's residual net: conv 1→16 k5, pool, ResidualBlock(16), conv 16→32 k5, pool, ResidualBlock(32), fc 512→10. */
export function residualNet(options: NetOptions = {}): tf.LayersModel {
  const self = {
    conv1: Conv2d(1, 16, 5, { name: 'conv1' }),
    conv2: Conv2d(16, 32, 5, { name: 'conv2' }),
    mp: MaxPool2d(2, { name: 'mp' }),
    rblock1: ResidualBlock(16, { name: 'rblock1' }),
    rblock2: ResidualBlock(32, { name: 'rblock2' }),
    fc: Linear(512, 10, { name: 'fc' })
  };

  const x0 = input([1, 28, 28], { seed: options.seed });
  // As in the lecture, this net applies relu before pooling (the Inception net pools first; same result).
  let x = self.mp(relu(self.conv1(x0)));
  x = self.rblock1(x);
  x = self.mp(relu(self.conv2(x)));
  x = self.rblock2(x);
  x = flatten(x);
  x = self.fc(x);
  return buildModel(x0, x, { name: 'residualNet' });
}

/**
 * The stem and head shared by the "deeper is not better" stacks. `depth` counts weighted layers, as He et al.
 * do: the stem conv (3×3, stride 2, 1→16, to 14×14, + BN + relu), depth − 2 inner 3×3 convs, and fc 16→10.
 * Convs followed by BatchNorm have no bias (BN's shift makes it redundant).
 */
function stack(
  name: string,
  depth: number,
  options: NetOptions,
  body: (x: tf.SymbolicTensor) => tf.SymbolicTensor
) {
  const self = {
    conv1: Conv2d(1, 16, 3, { stride: 2, padding: 1, bias: false, name: 'conv1' }),
    bn1: BatchNorm2d(16, { name: 'bn1' }),
    pool: AdaptiveAvgPool2d(1, { name: 'avgpool' }),
    fc: Linear(16, 10, { name: 'fc' })
  };
  const x0 = input([1, 28, 28], { seed: options.seed });
  let x = relu(self.bn1(self.conv1(x0)), { name: 'relu1' });
  x = body(x);
  x = flatten(self.pool(x));
  x = self.fc(x);
  return buildModel(x0, x, { name: `${name}${depth}` });
}

/** A plain stack of `depth` layers: N − 2 conv 3×3 + BN + relu layers between stem and head. */
export function plainStack(depth: number, options: NetOptions = {}): tf.LayersModel {
  checkSize('plainStack depth', depth);
  if (depth < 2) throw new WordedError('plainDepth', { depth });
  const layers = Array.from({ length: depth - 2 }, (_, i) => ConvBnRelu(16, { name: `layer${i + 2}` }));
  return stack('plainStack', depth, options, (x) => layers.reduce((y, layer) => layer(y), x));
}

/** The residual version: the same N − 2 layers in pairs, identity added before each pair's second relu. */
export function residualStack(depth: number, options: NetOptions = {}): tf.LayersModel {
  checkSize('residualStack depth', depth);
  if (depth < 2 || (depth - 2) % 2 !== 0) {
    throw new WordedError('residualDepth', { depth });
  }
  const pairs = Array.from({ length: (depth - 2) / 2 }, (_, i) =>
    ResidualPair(16, { name: `block${i + 1}` })
  );
  return stack('residualStack', depth, options, (x) => pairs.reduce((y, pair) => pair(y), x));
}
