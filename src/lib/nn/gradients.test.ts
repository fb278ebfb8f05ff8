import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { gradientNorms } from './gradients';
import { BatchNorm2d, buildModel, Conv2d, flatten, input, Linear, relu } from './layers';
import { plainStack, residualStack } from './nets';
import { MaxPool2d } from './pooling';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** conv 1→4 k3 → BN → relu → pool → conv 4→4 k3 → relu → flatten → fc → 10, on 1×8×8. */
function tiny(seed = 1) {
  const x0 = input([1, 8, 8], { seed });
  let x = relu(BatchNorm2d(4, { name: 'bn1' })(Conv2d(1, 4, 3, { padding: 1, name: 'conv1' })(x0)));
  x = MaxPool2d(2, { name: 'pool' })(x);
  x = relu(Conv2d(4, 4, 3, { name: 'conv2' })(x));
  x = Linear(16, 10, { name: 'fc' })(flatten(x));
  return buildModel(x0, x, { name: 'tiny' });
}

/** A fixed batch: pixel values from a formula, labels 0, 1, 2, … */
function batchOf(count: number, pixels: number) {
  const images = Float32Array.from({ length: count * pixels }, (_, i) => Math.sin(i * 0.37) * 1.5);
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  return { images, labels };
}

describe('gradientNorms', () => {
  it('gives one positive norm per conv and dense kernel, in depth order', () => {
    const model = tiny();
    const norms = gradientNorms(model, batchOf(6, 64));
    expect(norms.map((n) => [n.layer, n.kind, n.size])).toEqual([
      ['conv1', 'conv', 36],
      ['conv2', 'conv', 144],
      ['fc', 'dense', 160]
    ]);
    for (const n of norms) {
      expect(Number.isFinite(n.norm)).toBe(true);
      expect(n.norm).toBeGreaterThan(0);
    }
    model.dispose();
  });

  it('is deterministic for a seeded model and a fixed batch', () => {
    const [a, b] = [tiny(3), tiny(3)];
    const batch = batchOf(5, 64);
    expect(gradientNorms(a, batch)).toEqual(gradientNorms(b, batch));
    expect(gradientNorms(a, batch)).toEqual(gradientNorms(a, batch));
    a.dispose();
    b.dispose();
  });

  it('matches the norm of a hand-computed dense gradient', () => {
    // One dense layer on 2 features: ∂loss/∂W = xᵀ(softmax(xW + b) − y) / n.
    const x0 = input([2], { seed: 2 });
    const model = buildModel(x0, Linear(2, 3, { name: 'fc' })(x0));
    const images = Float32Array.from([1, 2, -1, 0.5]);
    const labels = Uint8Array.from([0, 2]);
    const expected = tf.tidy(() => {
      const x = tf.tensor2d(images, [2, 2]);
      const p = tf.softmax(model.predict(x) as tf.Tensor2D);
      const g = tf.matMul(x, tf.sub(p, tf.oneHot(tf.tensor1d(labels, 'int32'), 3)), true).div(2);
      return tf.norm(g).dataSync()[0];
    });
    const [fc] = gradientNorms(model, { images, labels });
    expect(fc.norm).toBeCloseTo(expected, 5);
    model.dispose();
  });

  it('leaves no tensor behind and does not change weights or BatchNorm statistics', () => {
    const model = tiny();
    const batch = batchOf(4, 64);
    const before = model.getWeights().map((w) => Array.from(w.dataSync()));
    const tensors = tf.memory().numTensors;
    gradientNorms(model, batch);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(model.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(before);
    model.dispose();
  });

  it('says what is wrong with a batch of the wrong size', () => {
    const model = tiny();
    expect(() => gradientNorms(model, { images: new Float32Array(10), labels: new Uint8Array(2) })).toThrow(
      '2 labels need 2 × 64 = 128 image values, got 10'
    );
    model.dispose();
  });

  it('covers every conv of the depth experiment’s stacks', () => {
    const batch = batchOf(2, 784);
    for (const [model, convs] of [
      [plainStack(8, { seed: 1 }), 7],
      [residualStack(8, { seed: 1 }), 7]
    ] as const) {
      const norms = gradientNorms(model, batch);
      expect(norms.filter((n) => n.kind === 'conv')).toHaveLength(convs);
      expect(norms.at(-1)?.layer).toBe('fc');
      model.dispose();
    }
  });
});
