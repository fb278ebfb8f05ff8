/**
 * Per-layer gradient norms: how strongly the loss pulls on each layer's weights for one batch. The
 * "deeper is not better" notebook draws them for plain and residual stacks, so a reader can see whether
 * the signal reaching the first layers of a deep net is weaker than the one reaching its last.
 *
 * The loss is the mean softmax cross-entropy of the batch (what training minimises). The model runs in
 * training mode, as during a training step (BatchNorm normalises with the batch's statistics); its
 * BatchNorm running statistics, which a training-mode pass would update, are put back afterwards, so
 * measuring never changes the model.
 */
import * as tf from '@tensorflow/tfjs';
import { kindOf, type NodeKind } from './kinds';

/** A batch of digits as the toolkit holds them. */
export interface GradientBatch {
  /** Images NHWC flattened: count · H · W · C values (28·28·1 per MNIST digit). */
  images: Float32Array;
  /** Class of each image, 0 … classes − 1. */
  labels: Uint8Array;
}

/** The gradient of one layer's kernel. */
export interface LayerGradient {
  /** The layer's name, e.g. "layer2/conv" or "fc". */
  layer: string;
  /** 'conv' or 'dense'. */
  kind: NodeKind;
  /** The L2 (Frobenius) norm of ∂loss/∂kernel: √(sum of squares of every entry). */
  norm: number;
  /** Entries in the kernel (so a reader can compare per-weight sizes: norm / √size). */
  size: number;
}

/**
 * gradientNorms(model, batch) → one entry per layer with a kernel (conv and dense), in depth order (input
 * to output). Disposes every tensor it makes; the model's weights and running statistics are unchanged.
 */
export function gradientNorms(model: tf.LayersModel, batch: GradientBatch): LayerGradient[] {
  const shape = model.inputs[0].shape.slice(1) as number[];
  const perImage = shape.reduce((a, b) => a * b, 1);
  const count = batch.labels.length;
  if (count === 0) throw new Error('gradientNorms needs at least one image');
  if (batch.images.length !== count * perImage) {
    throw new Error(
      `gradientNorms: ${count} labels need ${count} × ${perImage} = ${count * perImage} image values, ` +
        `got ${batch.images.length}`
    );
  }
  const classes = model.outputs[0].shape[1] as number;

  const withKernel = model.layers.flatMap((layer) => {
    const kernel = layer.trainableWeights.find((w) => /kernel$/.test(w.originalName ?? w.name));
    return kernel ? [{ layer, kernel }] : [];
  });
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  // A training-mode pass moves BatchNorm's running mean and variance: keep them to put back.
  const frozen = model.nonTrainableWeights.map((w) => ({ weight: w, value: tf.clone(w.read()) }));

  try {
    const norms = tf.tidy(() => {
      const x = tf.tensor(batch.images, [count, ...shape]);
      const y = tf.oneHot(tf.tensor1d(batch.labels, 'int32'), classes);
      const { grads } = tf.variableGrads(() => {
        const logits = model.apply(x, { training: true }) as tf.Tensor;
        return tf.losses.softmaxCrossEntropy(y, logits) as tf.Scalar;
      }, variables);
      return withKernel.map(({ kernel }) => {
        const grad = grads[(kernel.read() as tf.Variable).name];
        return grad ? tf.norm(grad).dataSync()[0] : 0;
      });
    });
    return withKernel.map(({ layer, kernel }, i) => ({
      layer: layer.name,
      kind: kindOf(layer.getClassName()),
      norm: norms[i],
      size: kernel.shape.reduce((a: number, b) => a * (b ?? 1), 1)
    }));
  } finally {
    for (const { weight, value } of frozen) {
      weight.write(value);
      value.dispose();
    }
  }
}
