import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unfuseInputConvolutions } from './inputConvolutions';
import { registerWasmTrainingKernels, unregisterTrainingKernels } from './kernels/registerTrainingKernels';
import { lectureNets } from './testing/lectureNets';
import { relativeError, seededValues, useBackend } from './testing/testBackends';

beforeAll(async () => {
  registerWasmTrainingKernels();
  await useBackend('wasm');
});
afterAll(() => unregisterTrainingKernels('wasm'));

/** Loss gradients of `model` on a fixed batch, and the names and input shapes of the kernels that ran. */
async function gradientsAndKernels(model: tf.LayersModel) {
  const x = tf.tensor4d(seededValues([4, 28, 28, 1], 3), [4, 28, 28, 1]);
  const labels = tf.oneHot(tf.tensor1d([0, 1, 2, 3], 'int32'), 10);
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  let grads: tf.Tensor[] = [];
  const profile = await tf.profile(() => {
    const result = tf.variableGrads(
      () => tf.losses.softmaxCrossEntropy(labels, model.apply(x) as tf.Tensor) as tf.Scalar,
      variables
    );
    grads = variables.map((v) => result.grads[v.name]);
    result.value.dispose();
  });
  const values = grads.map((g) => g.dataSync() as Float32Array);
  tf.dispose([x, labels, ...grads]);
  return { values, kernels: profile.kernels.map((k) => ({ name: k.name, shapes: k.inputShapes })) };
}

const imageGradients = (kernels: { name: string; shapes: number[][] }[]) =>
  kernels.filter((k) => k.name === 'Conv2DBackpropInput' && k.shapes[1]?.[2] === 1).length;

describe('unfuseInputConvolutions', () => {
  it.each(['inception', 'residual'] as const)(
    'skips the image gradient of the %s net and leaves the weight gradients unchanged',
    async (net) => {
      const model = lectureNets[net](1);
      const fused = await gradientsAndKernels(model);
      const restore = unfuseInputConvolutions(model);
      const unfused = await gradientsAndKernels(model);
      restore();
      const restored = await gradientsAndKernels(model);
      model.dispose();

      expect(imageGradients(fused.kernels)).toBe(1);
      expect(imageGradients(unfused.kernels)).toBe(0);
      expect(imageGradients(restored.kernels)).toBe(1);
      const errors = unfused.values.map((v, i) => relativeError(v, fused.values[i]));
      expect(Math.max(...errors)).toBeLessThan(1e-5);
    }
  );

  it('changes nothing in a model without a convolution on its input', () => {
    const input = tf.input({ shape: [28, 28, 1] });
    const flat = tf.layers.flatten().apply(input) as tf.SymbolicTensor;
    const out = tf.layers.dense({ units: 10 }).apply(flat) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: out });
    const restore = unfuseInputConvolutions(model);
    expect(model.layers.every((l) => !Object.prototype.hasOwnProperty.call(l, 'call'))).toBe(true);
    restore();
    model.dispose();
  });
});
