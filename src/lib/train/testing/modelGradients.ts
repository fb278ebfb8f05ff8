/** Test helper: the gradient of a net's cross-entropy loss with respect to each of its weights, on one batch. */
import * as tf from '@tensorflow/tfjs';
import { lectureNets } from './lectureNets';
import { seededValues } from './testBackends';

/** Builds `net` on the current backend with `weights` and returns its loss gradients, in weight order. */
export function modelGradients(
  net: keyof typeof lectureNets,
  weights: Float32Array[],
  batch: number
): tf.Tensor[] {
  const model = lectureNets[net](1);
  model.setWeights(weights.map((w, i) => tf.tensor(w, model.weights[i].shape as number[])));
  const x = tf.tensor4d(seededValues([batch, 28, 28, 1], 11), [batch, 28, 28, 1]);
  const labels = tf.oneHot(
    tf.tensor1d(
      Array.from({ length: batch }, (_, i) => i % 10),
      'int32'
    ),
    10
  );
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const { grads } = tf.variableGrads(
    () => tf.losses.softmaxCrossEntropy(labels, model.apply(x) as tf.Tensor) as tf.Scalar,
    variables
  );
  const result = variables.map((v) => grads[v.name]);
  model.dispose();
  return result;
}

/** The initial weights of `net` for a seed, as plain arrays (so every backend starts from the same values). */
export function initialWeights(net: keyof typeof lectureNets, seed = 1): Float32Array[] {
  const model = lectureNets[net](seed);
  const values = model.getWeights().map((w) => w.dataSync() as Float32Array);
  model.dispose();
  return values;
}
