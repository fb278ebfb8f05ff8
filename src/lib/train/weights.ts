/** Moving a model's weights between the page and the worker as plain float32 buffers. */
import * as tf from '@tensorflow/tfjs';
import type { SerializedWeights } from './protocol';

/** Copies the model's weights (in `getWeights()` order) into fresh buffers, safe to transfer. */
export function serializeWeights(model: tf.LayersModel): SerializedWeights {
  const specs = model.weights.map((w) => ({ name: w.originalName, shape: w.shape.map((d) => d ?? 0) }));
  const buffers = model.getWeights().map((t) => (t.dataSync() as Float32Array).slice().buffer);
  return { specs, buffers };
}

/** The same, reading asynchronously: for the worker, where the model may live on webgpu (see evaluateAccuracyAsync). */
export async function readWeights(model: tf.LayersModel): Promise<SerializedWeights> {
  const specs = model.weights.map((w) => ({ name: w.originalName, shape: w.shape.map((d) => d ?? 0) }));
  const values = await Promise.all(model.getWeights().map((t) => t.data() as Promise<Float32Array>));
  return { specs, buffers: values.map((v) => v.slice().buffer) };
}

/** Sets serialized weights on a model, after checking they fit its variables. */
export function applyWeights(model: tf.LayersModel, weights: SerializedWeights): void {
  const variables = model.weights;
  if (variables.length !== weights.specs.length) {
    throw new Error(
      `The model has ${variables.length} weight tensors but ${weights.specs.length} were given.`
    );
  }
  const tensors = weights.specs.map((spec, i) => {
    const expected = variables[i].shape.join('×');
    if (spec.shape.join('×') !== expected) {
      throw new Error(
        `Weight ${spec.name} has shape ${spec.shape.join('×')}, but the model expects ${expected}.`
      );
    }
    return tf.tensor(new Float32Array(weights.buffers[i]), spec.shape, 'float32');
  });
  model.setWeights(tensors);
  tf.dispose(tensors);
}
