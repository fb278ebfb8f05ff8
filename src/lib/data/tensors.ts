/** MNIST sets as tfjs tensors: images [N, 28, 28, 1] (NHWC, as tfjs convs want) and one-hot labels [N, 10]. */
import * as tf from '@tensorflow/tfjs';
import type { MnistSet } from './mnist';

/** One-hot rows: label 3 → [0,0,0,1,0,0,0,0,0,0]. */
export function oneHot(labels: Uint8Array, classes = 10): tf.Tensor2D {
  return tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), classes).toFloat() as tf.Tensor2D);
}

/** Images [N, rows, cols, 1] and one-hot labels; `start`/`end` pick a batch without copying the whole set. */
export function toTensors(set: MnistSet, start = 0, end = set.count): { xs: tf.Tensor4D; ys: tf.Tensor2D } {
  const size = set.rows * set.cols;
  const xs = tf.tensor4d(set.images.subarray(start * size, end * size), [end - start, set.rows, set.cols, 1]);
  return { xs, ys: oneHot(set.labels.subarray(start, end)) };
}
