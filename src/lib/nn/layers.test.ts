import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { add, buildModel, cat, Conv2d, flatten, input, Linear, relu, Sequential, torchRepr } from './layers';
import { AvgPool2d, MaxPool2d } from './pooling';
import { InceptionA, inceptionChannels } from './blocks';
import { formatShape } from './provenance';
import type { ShapeError } from './util';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import { word } from '../i18n/worded';

const shapeOf = (x: tf.SymbolicTensor) => formatShape(x.shape);

describe('channel mismatches are explained', () => {
  it('a wider Inception branch makes conv2 report the sum from the concat', () => {
    const x0 = input([1, 28, 28]);
    let x = relu(MaxPool2d(2)(Conv2d(1, 10, 5, { name: 'conv1' })(x0)));
    x = InceptionA(10, { name: 'incep1', widths: { branch_pool: 40 } })(x);
    expect(() => Conv2d(88, 20, 5, { name: 'conv2' })(x)).toThrow(
      "conv2 expects 88 input channels but receives 104 = 16+24+24+40 from incep1's concat"
    );
  });

  it.each([
    [
      'a conv fed by another conv',
      () => Conv2d(10, 20, 5, { name: 'conv2' })(Conv2d(1, 20, 5, { name: 'conv1' })(input([1, 28, 28]))),
      'conv2 expects 10 input channels but receives 20 from conv1'
    ],
    [
      'a conv fed by the input',
      () => Conv2d(3, 8, 3, { name: 'conv1' })(input([1, 28, 28])),
      'conv1 expects 3 input channels but receives 1 from the input (1×28×28)'
    ],
    [
      'a Linear fed by flatten',
      () => Linear(1408, 10, { name: 'fc' })(flatten(Conv2d(1, 20, 25)(input([1, 28, 28])))),
      'fc expects 1408 input features but receives 320 = 20·4·4 from flatten'
    ],
    [
      'a Linear fed an image',
      () => Linear(320, 10, { name: 'fc' })(Conv2d(1, 20, 25, { name: 'conv2' })(input([1, 28, 28]))),
      'fc expects a flat vector of 320 features but receives a 20×4×4 tensor from conv2: flatten it first'
    ],
    [
      'a kernel larger than the feature map',
      () => Conv2d(1, 4, 5, { name: 'conv3' })(input([1, 4, 4])),
      'conv3 (kernel 5×5, padding 0) needs an input of at least 5×5 but receives 4×4 from input'
    ],
    [
      'an add of different shapes',
      () => {
        const x = input([16, 12, 12]);
        return add(x, Conv2d(16, 32, 3, { padding: 1, name: 'conv' })(x), { name: 'rblock1/add' });
      },
      'rblock1/add cannot add 16×12×12 (from the input (16×12×12)) and 32×12×12 (from conv)'
    ],
    [
      'a cat of different sizes',
      () => {
        const x = input([4, 12, 12]);
        return cat([x, Conv2d(4, 4, 3)(x)], { name: 'incep1/concat' });
      },
      'incep1/concat needs the same H×W on every input but gets 12×12, 10×10'
    ]
  ])('%s gets a message naming layer, expectation and source', (_case, build, message) => {
    expect(build).toThrow(message);
  });

  it.each([
    [() => Conv2d(1, -3, 5), 'Conv2d outChannels must not be negative, got -3'],
    [() => Conv2d(1, 3, 2.5), 'Conv2d kernelSize must be a whole number, got 2.5'],
    [() => Linear(0, 10), 'Linear inFeatures must be at least 1, got 0'],
    [() => MaxPool2d(2, { padding: 1 }), 'MaxPool2d padding 1 with kernel 2, stride 2 is not supported here'],
    [() => input([1, 28]), 'input shape must be [C, H, W] or [features]']
  ])('bad constructor arguments are rejected: %s', (build, message) => {
    expect(build).toThrow(message);
  });
});

describe('shape errors are worded, so a Chinese page explains them in Chinese', () => {
  const thrown = (build: () => unknown): ShapeError => {
    try {
      build();
    } catch (error) {
      return error as ShapeError;
    }
    throw new Error('built without an error');
  };

  it.each([
    [
      'a channel mismatch after an Inception block',
      () => {
        let x = relu(MaxPool2d(2)(Conv2d(1, 10, 5, { name: 'conv1' })(input([1, 28, 28]))));
        x = InceptionA(10, { name: 'incep1', widths: { branch_pool: 40 } })(x);
        return Conv2d(88, 20, 5, { name: 'conv2' })(x);
      },
      "conv2 expects 88 input channels but receives 104 = 16+24+24+40 from incep1's concat",
      'conv2 需要 88 个输入通道，但收到的是 104 个（16+24+24+40），来自 incep1 的 concat'
    ],
    [
      'a conv fed by the input',
      () => Conv2d(3, 8, 3, { name: 'conv1' })(input([1, 28, 28])),
      'conv1 expects 3 input channels but receives 1 from the input (1×28×28)',
      'conv1 需要 3 个输入通道，但收到的是 1 个，来自输入（1×28×28）'
    ],
    [
      'a Linear fed by flatten',
      () => Linear(1408, 10, { name: 'fc' })(flatten(Conv2d(1, 20, 25)(input([1, 28, 28])))),
      'fc expects 1408 input features but receives 320 = 20·4·4 from flatten',
      'fc 需要 1408 个输入特征，但收到的是 320 个（20·4·4），来自 flatten'
    ],
    [
      'an add of 16 and 32 channels',
      () => {
        const x = input([16, 12, 12]);
        return add(x, Conv2d(16, 32, 3, { padding: 1, name: 'conv' })(x), { name: 'rblock1/add' });
      },
      'rblock1/add cannot add 16×12×12 (from the input (16×12×12)) and 32×12×12 (from conv): ' +
        'a residual connection needs both shapes to match',
      'rblock1/add 无法把 16×12×12（来自输入（16×12×12））与 32×12×12（来自 conv）相加：残差连接要求两者的形状完全相同'
    ],
    [
      'a cat of different H×W',
      () => {
        const x = input([4, 12, 12]);
        return cat([x, Conv2d(4, 4, 3)(x)], { name: 'incep1/concat' });
      },
      'incep1/concat needs the same H×W on every input but gets 12×12, 10×10',
      'incep1/concat 要求每个输入的高×宽（H×W）都相同，但收到的是 12×12、10×10'
    ],
    [
      'a size that is not whole',
      () => Conv2d(1, 3, 2.5),
      'Conv2d kernelSize must be a whole number, got 2.5',
      'Conv2d kernelSize 必须是整数，但给的是 2.5'
    ]
  ])('%s: the English and the Chinese wording', (_case, build, english, chinese) => {
    const error = thrown(build);
    expect(error.message).toBe(english);
    expect(word(error.wording, en)).toBe(english);
    expect(word(error.wording, zh)).toBe(chinese);
  });
});

describe('PyTorch padding and pooling', () => {
  it.each([
    // [C×H×W in, kernel, padding, stride, C×H×W out] — PyTorch: H_out = ⌊(H + 2p − k)/s⌋ + 1
    ['1×28×28', 5, 0, 1, '4×24×24'],
    ['1×28×28', 5, 2, 1, '4×28×28'],
    ['1×28×28', 3, 1, 2, '4×14×14'],
    ['1×28×28', 3, 0, 2, '4×13×13'],
    ['1×28×28', 5, 1, 1, '4×26×26']
  ])('Conv2d on %s with k=%i p=%i s=%i gives %s', (shape, k, padding, stride, out) => {
    const x = input(shape.split('×').map(Number));
    expect(shapeOf(Conv2d(1, 4, k, { padding, stride })(x))).toBe(out);
  });

  it('AvgPool2d counts the zero padding in the mean, like PyTorch’s count_include_pad=True', () => {
    const x0 = input([1, 3, 3]);
    const model = buildModel(x0, AvgPool2d(3, { stride: 1, padding: 1 })(x0));
    const out = tf.tidy(() => Array.from((model.predict(tf.ones([1, 3, 3, 1])) as tf.Tensor).dataSync()));
    expect(out.map((v) => Math.round(v * 9))).toEqual([4, 6, 4, 6, 9, 6, 4, 6, 4]);
  });

  it('MaxPool2d(2) halves H×W and floors odd sizes as PyTorch does', () => {
    expect(shapeOf(MaxPool2d(2)(input([3, 25, 25])))).toBe('3×12×12');
  });
});

describe('naming and composition', () => {
  it('layers get unique readable names and blocks prefix theirs', () => {
    const x0 = input([10, 12, 12]);
    const y = InceptionA(10)(relu(relu(x0)));
    const names = buildModel(x0, y).layers.map((l) => l.name);
    expect(names).toEqual(
      expect.arrayContaining(['relu', 'relu_2', 'inceptionA/branch5x5_2', 'inceptionA/concat'])
    );
  });

  it('torchRepr() spells a layer as PyTorch prints it', () => {
    const x0 = input([16, 12, 12]);
    const y = Conv2d(16, 24, 5, { padding: 2, name: 'c' })(x0);
    expect(torchRepr(y.sourceLayer)).toBe('Conv2d(16, 24, kernel_size=5, padding=2)');
  });

  it('inceptionChannels() adds the four branch outputs', () => {
    expect(inceptionChannels()).toBe(88);
    expect(inceptionChannels({ branch1x1: 24 })).toBe(96);
  });

  it('Sequential() chains modules and a reused Conv2d shares its weights', () => {
    const conv = Conv2d(4, 4, 3, { padding: 1, name: 'shared' });
    const x0 = input([4, 8, 8]);
    const model = buildModel(x0, Sequential(conv, conv)(x0));
    expect(model.layers.filter((l) => l.name === 'shared')).toHaveLength(1);
    expect(model.countParams()).toBe(4 * 4 * 9 + 4);
  });

  it('builders also accept tensors made with raw tf.input', () => {
    const x0 = tf.input({ shape: [28, 28, 1] });
    expect(shapeOf(Conv2d(1, 10, 5)(x0))).toBe('10×24×24');
    expect(() => Conv2d(3, 10, 5, { name: 'c3' })(x0)).toThrow(
      /c3 expects 3 input channels but receives 1 from the input/
    );
  });
});
