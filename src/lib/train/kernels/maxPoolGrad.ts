/**
 * MaxPoolGrad for the wasm backend, as a plain JavaScript loop over the wasm heap.
 *
 * The stock wasm kernel walks every input pixel and, for each, every window that covers it; for the lecture's
 * 2×2 pools that is several times the work of the direct method used here: visit each pooling window once, find its
 * (first) largest input, and add the window's output gradient there. "First" matches the stock cpu kernel when two
 * inputs tie (it keeps the earliest in row-major window order).
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

interface PoolAttrs {
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: 'valid' | 'same' | number;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

function maxPoolGrad(args: {
  inputs: Record<string, TensorInfo>;
  backend: BackendWasm;
  attrs: PoolAttrs;
}): TensorInfo {
  const { dy, input } = args.inputs;
  const { backend, attrs } = args;
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode
  );
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth } = info;
  const {
    strideHeight,
    strideWidth,
    effectiveFilterHeight,
    effectiveFilterWidth,
    dilationHeight,
    dilationWidth
  } = info;
  const { top, left } = info.padInfo;

  // Allocate first: making an output may grow the wasm memory, which would detach views taken before.
  const dx = backend.makeOutput(input.shape, 'float32');
  const dxValues = backend.typedArrayFromHeap(dx) as Float32Array;
  const xValues = backend.typedArrayFromHeap(input) as Float32Array;
  const dyValues = backend.typedArrayFromHeap(dy) as Float32Array;
  dxValues.fill(0);

  const rowStride = inWidth * channels;
  // Non-overlapping 2×2 windows that all lie inside the input (no padding).
  const plain2x2 =
    effectiveFilterHeight === 2 &&
    effectiveFilterWidth === 2 &&
    strideHeight === 2 &&
    strideWidth === 2 &&
    top === 0 &&
    left === 0 &&
    2 * outHeight <= inHeight &&
    2 * outWidth <= inWidth;
  if (plain2x2) {
    // The lecture's pools: unrolled, same "first strict maximum" rule as the general loop below.
    for (let b = 0; b < batchSize; b++) {
      for (let oh = 0; oh < outHeight; oh++) {
        for (let ow = 0; ow < outWidth; ow++) {
          const corner = ((b * inHeight + 2 * oh) * inWidth + 2 * ow) * channels;
          const dyOffset = ((b * outHeight + oh) * outWidth + ow) * channels;
          for (let c = 0; c < channels; c++) {
            const i0 = corner + c;
            const i1 = i0 + channels;
            const i2 = i0 + rowStride;
            const i3 = i2 + channels;
            let best = -Infinity;
            let bestIndex = -1;
            if (xValues[i0] > best) {
              best = xValues[i0];
              bestIndex = i0;
            }
            if (xValues[i1] > best) {
              best = xValues[i1];
              bestIndex = i1;
            }
            if (xValues[i2] > best) {
              best = xValues[i2];
              bestIndex = i2;
            }
            if (xValues[i3] > best) bestIndex = i3;
            if (bestIndex >= 0) dxValues[bestIndex] += dyValues[dyOffset + c];
          }
        }
      }
    }
    return dx;
  }

  for (let b = 0; b < batchSize; b++) {
    const xBatch = b * inHeight * rowStride;
    for (let oh = 0; oh < outHeight; oh++) {
      const rowStart = oh * strideHeight - top;
      for (let ow = 0; ow < outWidth; ow++) {
        const colStart = ow * strideWidth - left;
        const dyOffset = ((b * outHeight + oh) * outWidth + ow) * channels;
        for (let c = 0; c < channels; c++) {
          let best = -Infinity;
          let bestIndex = -1;
          for (let wr = 0; wr < effectiveFilterHeight; wr += dilationHeight) {
            const r = rowStart + wr;
            if (r < 0 || r >= inHeight) continue;
            for (let wc = 0; wc < effectiveFilterWidth; wc += dilationWidth) {
              const col = colStart + wc;
              if (col < 0 || col >= inWidth) continue;
              const index = xBatch + r * rowStride + col * channels + c;
              if (xValues[index] > best) {
                best = xValues[index];
                bestIndex = index;
              }
            }
          }
          if (bestIndex >= 0) dxValues[bestIndex] += dyValues[dyOffset + c];
        }
      }
    }
  }
  return dx;
}

export const maxPoolGradWasmConfig: KernelConfig = {
  kernelName: 'MaxPoolGrad',
  backendName: 'wasm',
  kernelFunc: maxPoolGrad as unknown as KernelFunc
};
