/** Test helper: the table of convolution shapes every conv kernel is checked on, and seeded inputs for them. */
import * as tf from '@tensorflow/tfjs';
import { conv2dBackpropFilterViaConv } from '../kernels/conv2dBackpropFilter';
import { conv2dBackpropInputViaConv } from '../kernels/conv2dBackpropInput';
import { seededValues } from './testBackends';

export interface ConvCase {
  batch: number;
  size: number;
  inChannels: number;
  outChannels: number;
  kernel: number;
  stride: number;
  pad: 'same' | 'valid';
}

// batch, input size, channels in → out, kernel, stride, padding
const rows: [number, number, number, number, number, number, 'same' | 'valid'][] = [
  [1, 8, 1, 4, 1, 1, 'valid'],
  [2, 7, 3, 5, 1, 2, 'same'],
  [2, 9, 3, 2, 3, 1, 'same'],
  [2, 9, 3, 2, 3, 1, 'valid'],
  [3, 9, 4, 3, 3, 2, 'same'],
  [3, 10, 4, 3, 3, 2, 'valid'],
  [1, 28, 1, 10, 5, 1, 'valid'],
  [2, 12, 10, 16, 5, 1, 'same'],
  [2, 11, 6, 4, 5, 2, 'same'],
  [2, 12, 6, 4, 5, 2, 'valid'],
  [2, 8, 3, 4, 2, 1, 'same'],
  [2, 9, 3, 4, 2, 2, 'valid'],
  [2, 9, 2, 3, 4, 1, 'same'],
  [2, 10, 2, 3, 4, 2, 'same'],
  [64, 12, 10, 16, 1, 1, 'valid'],
  [64, 8, 16, 24, 3, 1, 'same'],
  [64, 8, 24, 8, 5, 1, 'valid']
];

export const convCases: ConvCase[] = rows.map(
  ([batch, size, inChannels, outChannels, kernel, stride, pad]) => ({
    batch,
    size,
    inChannels,
    outChannels,
    kernel,
    stride,
    pad
  })
);

export const convCaseLabel = (c: ConvCase) =>
  `batch ${c.batch}, ${c.size}×${c.size}×${c.inChannels} → ${c.outChannels}, ` +
  `${c.kernel}×${c.kernel} stride ${c.stride} ${c.pad}`;

/** Seeded x, filter and dy for a case (dy has the forward output's shape). */
export function convInputs(c: ConvCase) {
  const xShape: [number, number, number, number] = [c.batch, c.size, c.size, c.inChannels];
  const wShape: [number, number, number, number] = [c.kernel, c.kernel, c.inChannels, c.outChannels];
  const info = tf.backend_util.computeConv2DInfo(xShape, wShape, c.stride, 1, c.pad);
  const dyShape = info.outShape;
  return {
    xShape,
    wShape,
    dyShape,
    x: seededValues(xShape, 1),
    w: seededValues(wShape, 2),
    dy: seededValues(dyShape, 3)
  };
}

/** Runs the Conv2DBackpropFilter kernel registered for the current backend on a case. */
export function backpropFilter(c: ConvCase): tf.Tensor {
  const v = convInputs(c);
  const x = tf.tensor4d(v.x, v.xShape);
  const dy = tf.tensor4d(v.dy, v.dyShape);
  const attrs = { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', filterShape: v.wShape };
  return tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs) as tf.Tensor;
}

/** Runs the Conv2DBackpropInput kernel registered for the current backend on a case. */
export function backpropInput(c: ConvCase): tf.Tensor {
  const v = convInputs(c);
  const dy = tf.tensor4d(v.dy, v.dyShape);
  const filter = tf.tensor4d(v.w, v.wShape);
  const attrs = { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', inputShape: v.xShape };
  return tf.engine().runKernel('Conv2DBackpropInput', { dy, filter }, attrs) as tf.Tensor;
}

/** Runs one route of the project's kernels directly (both routes must be right, whichever the kernel picks). */
export function projectRoute(kind: 'filter' | 'input', c: ConvCase, useMatMul: boolean): tf.Tensor {
  const v = convInputs(c);
  const ref = { backend: tf.backend(), name: tf.getBackend() };
  const x = tf.tensor4d(v.x, v.xShape);
  const dy = tf.tensor4d(v.dy, v.dyShape);
  const filter = tf.tensor4d(v.w, v.wShape);
  const common = { strides: c.stride, pad: c.pad, dataFormat: 'NHWC' as const };
  const info =
    kind === 'filter'
      ? conv2dBackpropFilterViaConv(ref, x, dy, { ...common, filterShape: v.wShape }, useMatMul)
      : conv2dBackpropInputViaConv(ref, dy, filter, { ...common, inputShape: v.xShape }, useMatMul);
  tf.dispose([x, dy, filter]);
  return tf.engine().makeTensorFromTensorInfo(info);
}
