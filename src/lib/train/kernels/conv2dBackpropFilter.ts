/**
 * Conv2DBackpropFilter (the weight gradient of a convolution) as one forward convolution.
 *
 * For NHWC x [B, H, W, Ci], output gradient dy [B, OH, OW, Co], stride s and padding (top, left):
 *
 *   dW[kh, kw, ci, co] = Σ_b Σ_oh Σ_ow  x[b, oh·s + kh − top, ow·s + kw − left, ci] · dy[b, oh, ow, co]
 *
 * Read x as Ci images of B channels (x → [Ci, H, W, B]) and dy as a filter of size OH×OW from B to Co channels
 * (dy → [OH, OW, B, Co]). Then the sum above is a forward convolution with dilation s (the filter taps oh, ow sit
 * s pixels apart) whose output [Ci, KH, KW, Co] is dW with its axes in another order. The forward convolution is
 * the backend's fastest kernel (XNNPACK on wasm), so this is far faster than a direct loop.
 *
 * 1×1 convolutions take another route, im2col plus a matrix product (see convViaMatMul.ts), which is faster there.
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelBackend, KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import { conv2d, disposeInfos, slice, transpose, type BackendRef } from './backendKernels';
import { conv2dBackpropFilterViaMatMul, filterGradViaMatMul } from './convViaMatMul';

/** Attributes tfjs passes to Conv2DBackpropFilter. */
interface BackpropFilterAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}
type ExplicitPadding = [[number, number], [number, number], [number, number], [number, number]];

/** Computes dW for NHWC x and dy on the given backend, using only that backend's own kernels. */
export function conv2dBackpropFilterViaConv(
  ref: BackendRef,
  x: TensorInfo,
  dy: TensorInfo,
  attrs: BackpropFilterAttrs,
  /** Use the im2col + matrix-product route (default: where measured faster). */
  useMatMul?: boolean
): TensorInfo {
  if (attrs.dataFormat === 'NCHW')
    throw new Error('conv2dBackpropFilter: only NHWC (channelsLast) is supported.');
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    attrs.filterShape,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode
  );
  if (useMatMul ?? filterGradViaMatMul(info)) return conv2dBackpropFilterViaMatMul(ref, x, dy, info);
  const { filterHeight: kh, filterWidth: kw, inChannels: ci, outChannels: co } = info;
  const { strideHeight: sh, strideWidth: sw, inHeight: h, inWidth: w, outHeight: oh, outWidth: ow } = info;
  const { top, left } = info.padInfo;

  // The dilated dy-filter spans (oh − 1)·sh + 1 rows, and we want exactly kh output rows, so the padded x must be
  // kh + (oh − 1)·sh rows tall. When that is less than the input (a 'valid' stride that skips the last rows) the
  // bottom padding would be negative: pad 0 and cut the surplus output rows off afterwards.
  const bottom = Math.max(0, kh + (oh - 1) * sh - h - top);
  const right = Math.max(0, kw + (ow - 1) * sw - w - left);

  const xT = transpose(ref, x, [3, 1, 2, 0]); // [Ci, H, W, B]
  const dyT = transpose(ref, dy, [1, 2, 0, 3]); // [OH, OW, B, Co]
  const convOut = conv2d(ref, xT, dyT, {
    dilations: [sh, sw],
    padding: [
      [top, bottom],
      [left, right]
    ]
  }); // [Ci, ≥KH, ≥KW, Co]
  disposeInfos(ref, xT, dyT);

  let cropped = convOut;
  if (convOut.shape[1] !== kh || convOut.shape[2] !== kw) {
    cropped = slice(ref, convOut, [0, 0, 0, 0], [ci, kh, kw, co]);
    disposeInfos(ref, convOut);
  }
  const dw = transpose(ref, cropped, [1, 2, 0, 3]); // [KH, KW, Ci, Co]
  disposeInfos(ref, cropped);
  return dw;
}

/** The kernel config that replaces `backendName`'s Conv2DBackpropFilter. */
export function conv2dBackpropFilterConfig(backendName: string): KernelConfig {
  const kernelFunc = ({ inputs, backend, attrs }: Parameters<KernelFunc>[0]) =>
    conv2dBackpropFilterViaConv(
      { backend: backend as KernelBackend, name: backendName },
      inputs.x!,
      inputs.dy!,
      attrs as unknown as BackpropFilterAttrs & NamedAttrMap
    );
  return { kernelName: 'Conv2DBackpropFilter', backendName, kernelFunc: kernelFunc as KernelFunc };
}
