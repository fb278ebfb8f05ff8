/**
 * Conv2DBackpropInput on wasm for stride-1 'valid' convolutions, by the project's SIMD module (directConv.ts): dx
 * straight from dy and the filter, taking only the taps that land inside dy, instead of a forward convolution over
 * dy padded with K − 1 zeros on every side.
 */
import type { TensorInfo, backend_util } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { directConvLoaded, inputGradValid } from './directConv';

/**
 * True when the direct kernel is loaded and computes this convolution's input gradient. 1×1 kernels have no padding
 * to skip and are a plain matrix product, where XNNPACK's GEMM measured faster (0.19 against 0.26 ms, batch 64).
 */
export function canBackpropInputDirect(info: backend_util.Conv2DInfo): boolean {
  const { padInfo } = info;
  return (
    directConvLoaded() &&
    info.dataFormat === 'channelsLast' &&
    info.strideHeight === 1 &&
    info.strideWidth === 1 &&
    info.dilationHeight === 1 &&
    info.dilationWidth === 1 &&
    info.filterHeight * info.filterWidth > 1 &&
    padInfo.top === 0 &&
    padInfo.bottom === 0 &&
    padInfo.left === 0 &&
    padInfo.right === 0
  );
}

export function conv2dBackpropInputDirect(
  backend: BackendWasm,
  dy: TensorInfo,
  filter: TensorInfo,
  info: backend_util.Conv2DInfo
): TensorInfo {
  // Allocate first: a new output may grow tfjs's heap, which detaches views taken before.
  const dx = backend.makeOutput(info.inShape, 'float32');
  inputGradValid(
    backend.typedArrayFromHeap(dy) as Float32Array,
    backend.typedArrayFromHeap(filter) as Float32Array,
    backend.typedArrayFromHeap(dx) as Float32Array,
    {
      batch: info.batchSize,
      h: info.inHeight,
      w: info.inWidth,
      ci: info.inChannels,
      co: info.outChannels,
      kh: info.filterHeight,
      kw: info.filterWidth
    }
  );
  return dx;
}
