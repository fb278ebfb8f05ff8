/**
 * The lecture's two MNIST nets, built with the tf.layers functional API, for tests and benchmarks of the training
 * code. (The notebooks use the builders in src/lib/nn; these are kept small and local on purpose so the training
 * library can be tested on its own.) Shapes in the comments are PyTorch's C×H×W; tfjs runs NHWC.
 *
 * Every initializer gets its own seed derived from `seed`, so the same seed gives the same initial weights.
 */
import * as tf from '@tensorflow/tfjs';

type Sym = tf.SymbolicTensor;
type Init = () => ReturnType<typeof tf.initializers.glorotUniform>;

/** Hands out a fresh seeded Glorot-uniform initializer per layer. */
function seededInit(seed: number): Init {
  let next = seed * 1000;
  return () => tf.initializers.glorotUniform({ seed: next++ });
}

function conv(init: Init, x: Sym, filters: number, kernel: number, padding: 'same' | 'valid') {
  return tf.layers
    .conv2d({ filters, kernelSize: kernel, padding, kernelInitializer: init(), biasInitializer: 'zeros' })
    .apply(x) as Sym;
}

const relu = (x: Sym) => tf.layers.reLU().apply(x) as Sym;
const maxPool2 = (x: Sym) => tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }).apply(x) as Sym;

/** InceptionA: four branches (16 + 24 + 24 + 24 = 88 channels) concatenated along channels. */
function inceptionA(init: Init, x: Sym): Sym {
  const b1 = conv(init, x, 16, 1, 'same');
  const b5 = conv(init, conv(init, x, 16, 1, 'same'), 24, 5, 'same');
  const b3 = conv(init, conv(init, conv(init, x, 16, 1, 'same'), 24, 3, 'same'), 24, 3, 'same');
  const pooled = tf.layers.averagePooling2d({ poolSize: 3, strides: 1, padding: 'same' }).apply(x) as Sym;
  const bp = conv(init, pooled, 24, 1, 'same');
  return tf.layers.concatenate({ axis: -1 }).apply([b1, b5, b3, bp]) as Sym;
}

/** Inception net: conv 1→10 k5, pool, relu, InceptionA, conv 88→20 k5, pool, relu, InceptionA, fc 1408→10. */
export function buildInceptionNet(seed = 1): tf.LayersModel {
  const init = seededInit(seed);
  const input = tf.input({ shape: [28, 28, 1] });
  let x = relu(maxPool2(conv(init, input, 10, 5, 'valid')));
  x = inceptionA(init, x);
  x = relu(maxPool2(conv(init, x, 20, 5, 'valid')));
  x = inceptionA(init, x);
  const flat = tf.layers.flatten().apply(x) as Sym;
  const out = tf.layers.dense({ units: 10, kernelInitializer: init() }).apply(flat) as Sym;
  return tf.model({ inputs: input, outputs: out, name: 'inceptionNet' });
}

/** ResidualBlock(c): y = relu(conv3×3(x)), y = conv3×3(y), out = relu(x + y). */
function residualBlock(init: Init, x: Sym, channels: number): Sym {
  const y = conv(init, relu(conv(init, x, channels, 3, 'same')), channels, 3, 'same');
  return relu(tf.layers.add().apply([x, y]) as Sym);
}

/** Residual net: conv 1→16 k5, pool, relu, ResidualBlock(16), conv 16→32 k5, pool, relu, ResidualBlock(32), fc 512→10. */
export function buildResidualNet(seed = 1): tf.LayersModel {
  const init = seededInit(seed);
  const input = tf.input({ shape: [28, 28, 1] });
  let x = relu(maxPool2(conv(init, input, 16, 5, 'valid')));
  x = residualBlock(init, x, 16);
  x = relu(maxPool2(conv(init, x, 32, 5, 'valid')));
  x = residualBlock(init, x, 32);
  const flat = tf.layers.flatten().apply(x) as Sym;
  const out = tf.layers.dense({ units: 10, kernelInitializer: init() }).apply(flat) as Sym;
  return tf.model({ inputs: input, outputs: out, name: 'residualNet' });
}

/** Both nets by name (bench and table tests). */
export const lectureNets = { inception: buildInceptionNet, residual: buildResidualNet } as const;
