// Micro-benchmark: the two routes of each conv gradient kernel on the lecture's layer shapes (wasm).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { conv2dBackpropFilterViaConv } from '../src/lib/train/kernels/conv2dBackpropFilter';
import { conv2dBackpropInputViaConv } from '../src/lib/train/kernels/conv2dBackpropInput';
import type { TensorInfo } from '@tensorflow/tfjs';

async function main() {
  await tf.setBackend('wasm');
  const ref = { backend: tf.backend(), name: 'wasm' };
  const time = (f: () => TensorInfo, n = 20) => {
    ref.backend.disposeData(f().dataId);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) ref.backend.disposeData(f().dataId);
    return ((performance.now() - t0) / n).toFixed(2);
  };
  // [size, ci, co, k, pad]
  const layers: [number, number, number, number, 'same' | 'valid'][] = [
    [28, 1, 16, 5, 'valid'],
    [28, 1, 10, 5, 'valid'],
    [12, 16, 32, 5, 'valid'],
    [12, 88, 20, 5, 'valid'],
    [12, 16, 24, 5, 'same'],
    [12, 16, 16, 3, 'same'],
    [12, 10, 16, 1, 'same']
  ];
  for (const [size, ci, co, k, pad] of layers) {
    const x = tf.randomNormal([64, size, size, ci]);
    const w = tf.randomNormal([k, k, ci, co]);
    const y = tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, pad);
    const fAttrs = {
      strides: 1,
      pad,
      dataFormat: 'NHWC' as const,
      filterShape: w.shape as [number, number, number, number]
    };
    const iAttrs = {
      strides: 1,
      pad,
      dataFormat: 'NHWC' as const,
      inputShape: x.shape as [number, number, number, number]
    };
    const row = {
      layer: `${size}x${size}x${ci}->${co} k${k} ${pad}`,
      filterConv: time(() => conv2dBackpropFilterViaConv(ref, x, y, fAttrs, false)),
      filterMatMul: time(() => conv2dBackpropFilterViaConv(ref, x, y, fAttrs, true)),
      inputConv: time(() => conv2dBackpropInputViaConv(ref, y, w, iAttrs, false)),
      inputMatMul: time(() => conv2dBackpropInputViaConv(ref, y, w, iAttrs, true)),
      forward: time(
        () =>
          tf
            .engine()
            .runKernel(
              'Conv2D',
              { x, filter: w },
              { strides: 1, pad, dataFormat: 'NHWC', dilations: 1 }
            ) as TensorInfo
      )
    };
    console.log(JSON.stringify(row));
    tf.dispose([x, w, y]);
  }
}
main();
