/**
 * A model's weights as the state_dict of its generated PyTorch module (see plan.ts), in a .safetensors file, and
 * back: the names are exactly the module's state_dict() keys, the layouts converted (layout.ts). BatchNorm's
 * num_batches_tracked, an int64 key PyTorch expects, is written as 0: tfjs does not count batches, and PyTorch
 * uses the count only when momentum=None, which the generated module never sets.
 */
import * as tf from '@tensorflow/tfjs';
import { WordedError } from '../i18n/worded';
import { planModel, type StateEntry, type TorchPlan } from './plan';
import { convFromTorch, convToTorch, denseFromTorch, denseToTorch } from './layout';
import { readSafetensors, writeSafetensors, type SafeTensor } from './safetensors';

/** The tfjs weight (index into layer.weights) an entry reads. */
function weightIndex(layer: tf.layers.Layer, entry: StateEntry): number {
  return layer.weights.findIndex((w) => (w.originalName ?? w.name).endsWith(`/${entry.weight}`));
}

/** The model's weights as PyTorch tensors, by state_dict key. */
export function torchState(
  model: tf.LayersModel,
  plan: TorchPlan = planModel(model)
): [string, SafeTensor][] {
  return plan.state.map((entry) => {
    if (entry.layout === 'count')
      return [entry.key, { dtype: 'I64', shape: [], data: new BigInt64Array([0n]) }];
    const layer = model.getLayer(entry.layer);
    const w = layer.weights[weightIndex(layer, entry)];
    const values = w.read().dataSync() as Float32Array;
    const data =
      entry.layout === 'conv'
        ? convToTorch(values, w.shape as number[])
        : entry.layout === 'dense'
          ? denseToTorch(values, w.shape as number[], entry.flattenFrom)
          : Float32Array.from(values);
    return [entry.key, { dtype: 'F32', shape: entry.shape, data }];
  });
}

/** The bytes of a .safetensors file loadable into the generated module with its load_weights(). */
export function pytorchWeights(model: tf.LayersModel): Uint8Array {
  const plan = planModel(model);
  return writeSafetensors(torchState(model, plan), { format: 'pt', model: plan.net.name });
}

/**
 * Loads a PyTorch state_dict (.safetensors bytes) into a model built with the builders: the keys and shapes
 * must be those of the model's generated module. Reports the first key that is missing or of another shape.
 */
export function loadPytorchWeights(model: tf.LayersModel, bytes: Uint8Array): void {
  const { tensors } = readSafetensors(bytes);
  const plan = planModel(model);
  for (const entry of plan.state) {
    if (entry.layout === 'count') continue;
    const t = tensors.get(entry.key);
    if (!t) throw new WordedError('torchKeyMissing', { key: entry.key });
    if (t.dtype !== 'F32' || t.shape.join() !== entry.shape.join()) {
      throw new WordedError('torchShapeDiffers', {
        key: entry.key,
        expected: entry.shape.join('×'),
        got: t.shape.join('×')
      });
    }
    const layer = model.getLayer(entry.layer);
    const variable = layer.weights[weightIndex(layer, entry)];
    const data =
      entry.layout === 'conv'
        ? convFromTorch(t.data, entry.shape)
        : entry.layout === 'dense'
          ? denseFromTorch(t.data, entry.shape, entry.flattenFrom)
          : t.data;
    const value = tf.tensor(data, variable.shape as number[]);
    variable.write(value); // assigns into the variable, which keeps its own reference
    value.dispose();
  }
}
