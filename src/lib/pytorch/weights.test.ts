import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { buildModel, Conv2d, flatten, input, Linear, residualStack, simpleCnn } from '../nn/index';
import { planModel } from './plan';
import { readSafetensors } from './safetensors';
import { loadPytorchWeights, pytorchWeights } from './weights';

describe('pytorchWeights()', () => {
  it('names its tensors exactly as the generated module’s state_dict keys, with PyTorch’s shapes', () => {
    const model = residualStack(8);
    const { tensors } = readSafetensors(pytorchWeights(model));
    const plan = planModel(model);
    expect([...tensors.keys()]).toEqual(plan.state.map((s) => s.key));
    expect(tensors.get('conv1.weight')!.shape).toEqual([16, 1, 3, 3]);
    expect(tensors.get('block1.bn2.num_batches_tracked')).toMatchObject({ dtype: 'I64', shape: [] });
    expect(tensors.get('fc.weight')!.shape).toEqual([10, 16]);
  });

  it('writes the conv kernel out×in×kh×kw and fc’s features in C×H×W order', () => {
    const x0 = input([2, 2, 1]);
    const conv = Conv2d(2, 2, 1, { name: 'conv' })(x0);
    const model = buildModel(x0, Linear(4, 1, { name: 'fc', bias: false })(flatten(conv)));
    // conv: out o reads in i with weight 10·o + i; fc: tfjs feature f (H×W×C order) has weight f.
    model.getLayer('conv').setWeights([tf.tensor4d([0, 10, 1, 11], [1, 1, 2, 2]), tf.zeros([2])]);
    model.getLayer('fc').setWeights([tf.tensor2d([0, 1, 2, 3], [4, 1])]);
    const { tensors } = readSafetensors(pytorchWeights(model));
    expect(Array.from(tensors.get('conv.weight')!.data as Float32Array)).toEqual([0, 1, 10, 11]);
    // C = 2, H = 2, W = 1: PyTorch's (c0h0, c0h1, c1h0, c1h1) are tfjs features 0, 2, 1, 3.
    expect(Array.from(tensors.get('fc.weight')!.data as Float32Array)).toEqual([0, 2, 1, 3]);
  });

  it('does not permute again after flatten({ torchOrder: true })', () => {
    const x0 = input([2, 2, 1]);
    const model = buildModel(
      x0,
      Linear(4, 1, { name: 'fc', bias: false })(flatten(x0, { torchOrder: true }))
    );
    model.getLayer('fc').setWeights([tf.tensor2d([0, 1, 2, 3], [4, 1])]);
    const { tensors } = readSafetensors(pytorchWeights(model));
    expect(Array.from(tensors.get('fc.weight')!.data as Float32Array)).toEqual([0, 1, 2, 3]);
  });
});

describe('loadPytorchWeights()', () => {
  it('brings exported weights back into a fresh model: the same logits', () => {
    const [a, b] = [simpleCnn({ seed: 1 }), simpleCnn({ seed: 2 })];
    loadPytorchWeights(b, pytorchWeights(a));
    const x = tf.randomNormal([2, 28, 28, 1], 0, 1, 'float32', 3);
    const [ya, yb] = [a.predict(x) as tf.Tensor, b.predict(x) as tf.Tensor];
    expect(Array.from(yb.dataSync())).toEqual(Array.from(ya.dataSync()));
    tf.dispose([x, ya, yb]);
  });

  it('names the first tensor that is missing or of another shape', () => {
    const bytes = pytorchWeights(simpleCnn());
    expect(() => loadPytorchWeights(residualStack(8), bytes)).toThrow(
      'The PyTorch tensor "conv1.weight" is 10×1×5×5, but this model needs 16×1×3×3.'
    );
    const x0 = input([1, 28, 28]);
    const other = buildModel(x0, Conv2d(1, 10, 5, { name: 'stem' })(x0));
    expect(() => loadPytorchWeights(other, bytes)).toThrow('no tensor "stem.weight"');
  });
});
