import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backpropFilter, backpropInput, convCases } from '../testing/convCases';
import { initialWeights, modelGradients } from '../testing/modelGradients';
import { relativeError, runOn, useBackend } from '../testing/testBackends';
import { loadDirectConv } from './directConv';
import { registerWasmTrainingKernels, unregisterTrainingKernels } from './registerTrainingKernels';

// With the direct SIMD module too, so whole-model parity covers the Inception net's 'valid' input gradient on it.
beforeAll(async () => {
  expect(await loadDirectConv()).toBeNull();
  registerWasmTrainingKernels();
});
afterAll(() => unregisterTrainingKernels('wasm'));

describe('registerWasmTrainingKernels', () => {
  it('registerWasmTrainingKernels is idempotent', () => {
    const before = tf.getKernel('Conv2DBackpropFilter', 'wasm');
    registerWasmTrainingKernels();
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBe(before);
  });

  it('unregisterTrainingKernels restores the stock wasm kernels', () => {
    unregisterTrainingKernels('wasm');
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined();
    registerWasmTrainingKernels();
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
  });

  it('the kernels leave no tensor and no backend buffer behind after repeated calls', async () => {
    await useBackend('wasm');
    const run = () => {
      for (const c of convCases.slice(0, 12))
        tf.dispose(tf.tidy(() => [backpropFilter(c), backpropInput(c)]));
      const x = tf.randomNormal([2, 8, 8, 88]);
      tf.dispose([tf.grad((t) => tf.maxPool(t as tf.Tensor4D, 2, 2, 'valid').sum())(x)]);
      tf.dispose(tf.split(x, [16, 24, 24, 24], 3));
      x.dispose();
    };
    run(); // warm up: the first call may set up caches
    const tensors = tf.memory().numTensors;
    const buffers = tf.backend().numDataIds();
    for (let i = 0; i < 3; i++) run();
    expect(tf.memory().numTensors).toBe(tensors);
    expect(tf.backend().numDataIds()).toBe(buffers);
  });
});

describe('whole-model gradients on wasm with the project kernels', () => {
  it.each(['inception', 'residual'] as const)('match the stock cpu backend for the %s net', async (net) => {
    await useBackend('cpu');
    const weights = initialWeights(net);
    const expected = await runOn('cpu', () => modelGradients(net, weights, 4));
    const actual = await runOn('wasm', () => modelGradients(net, weights, 4));
    expect(actual.length).toBe(expected.length);
    const errors = actual.map((a, i) => relativeError(a, expected[i]));
    expect(Math.max(...errors)).toBeLessThan(1e-4);
  });
});
