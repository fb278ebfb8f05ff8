/**
 * Conv2DBackpropInput (the input gradient of a convolution, a.k.a. transposed convolution) as one forward
 * convolution.
 *
 * For NHWC dy [B, OH, OW, Co], filter W [KH, KW, Ci, Co], stride s and padding (top, left):
 *
 *   dx[b, i, j, ci] = Σ_kh Σ_kw Σ_co  dy[b, (i + top − kh)/s, (j + left − kw)/s, co] · W[kh, kw, ci, co]
 *
 * (terms whose dy index is not a whole number in range are zero). With stride 1 this is a forward convolution of dy,
 * padded by (K − 1 − pad), with the filter rotated by 180° and its in/out channels swapped ([KH, KW, Co, Ci]).
 * With stride s we first spread dy out by putting s − 1 zeros after every pixel ("dilating" it); then the same
 * forward convolution applies. The forward convolution is the backend's fastest kernel (XNNPACK on wasm).
 *
 * Layers with very few input channels (the first layer of an MNIST net) take another route, a matrix product plus
 * col2im (see convViaMatMul.ts), which is faster there.
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelBackend, KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { canBackpropInputDirect, conv2dBackpropInputDirect } from './conv2dBackpropInputDirect';
import { conv2dBackpropInputViaMatMul, inputGradViaMatMul } from './convViaMatMul';
import {
  conv2d,
  disposeInfos,
  fromValues,
  pad,
  readValues,
  reshapeInfo,
  slice,
  type BackendRef
} from './backendKernels';

/** Attributes tfjs passes to Conv2DBackpropInput. */
interface BackpropInputAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | [[number, number], [number, number], [number, number], [number, number]];
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  inputShape: [number, number, number, number];
}

/** Returns true when `conv2dBackpropInputViaConv` handles these attributes (else use the stock kernel). */
export function canBackpropInputViaConv(filterShape: number[], attrs: BackpropInputAttrs): boolean {
  if (attrs.dataFormat === 'NCHW') return false;
  const info = tf.backend_util.computeConv2DInfo(
    attrs.inputShape,
    filterShape as [number, number, number, number],
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode
  );
  // A padding wider than the kernel would need a negative padding of dy (never the case for 'same'/'valid').
  return info.padInfo.top <= info.filterHeight - 1 && info.padInfo.left <= info.filterWidth - 1;
}

/**
 * The filter rotated by 180° with in/out channels swapped: out[kh, kw, co, ci] = W[KH − 1 − kh, KW − 1 − kw, ci, co].
 * Filters are small, so one plain loop beats the backend's Reverse followed by Transpose.
 */
function rotateFilter(ref: BackendRef, filter: TensorInfo): TensorInfo {
  const [kh, kw, ci, co] = filter.shape;
  const w = readValues(ref, filter);
  const out = new Float32Array(w.length);
  let o = 0;
  for (let r = 0; r < kh; r++) {
    for (let c = 0; c < kw; c++) {
      const from = ((kh - 1 - r) * kw + (kw - 1 - c)) * ci * co;
      for (let j = 0; j < co; j++) {
        for (let i = 0; i < ci; i++) out[o++] = w[from + i * co + j];
      }
    }
  }
  return fromValues(ref, out, [kh, kw, co, ci]);
}

/** Puts s − 1 zeros after every pixel of dy along height and width: [B, OH, OW, C] → [B, OH·sh, OW·sw, C]. */
function dilate(ref: BackendRef, dy: TensorInfo, sh: number, sw: number): TensorInfo {
  const [b, oh, ow, c] = dy.shape;
  const spread = pad(ref, reshapeInfo(dy, [b, oh, 1, ow, 1, c]), [
    [0, 0],
    [0, 0],
    [0, sh - 1],
    [0, 0],
    [0, sw - 1],
    [0, 0]
  ]);
  return reshapeInfo(spread, [b, oh * sh, ow * sw, c]);
}

/** Computes dx for NHWC dy and filter on the given backend, using only that backend's own kernels. */
export function conv2dBackpropInputViaConv(
  ref: BackendRef,
  dy: TensorInfo,
  filter: TensorInfo,
  attrs: BackpropInputAttrs,
  /** Use the matrix-product + col2im route (default: where measured faster). */
  useMatMul?: boolean
): TensorInfo {
  const info = tf.backend_util.computeConv2DInfo(
    attrs.inputShape,
    filter.shape as [number, number, number, number],
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode
  );
  if (useMatMul ?? inputGradViaMatMul(info)) return conv2dBackpropInputViaMatMul(ref, dy, filter, info);
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  const [batch, h, w, ci] = attrs.inputShape;

  const spread = sh === 1 && sw === 1 ? dy : dilate(ref, dy, sh, sw);
  const swapped = rotateFilter(ref, filter); // [KH, KW, Co, Ci]

  // Output rows = rows + top + bottom − kh + 1 must reach h. The dilated dy already ends with sh − 1 zero rows,
  // so the bottom padding can come out negative: then pad 0 and cut the surplus rows off below.
  const top = kh - 1 - info.padInfo.top;
  const left = kw - 1 - info.padInfo.left;
  const bottom = Math.max(0, h + kh - 1 - spread.shape[1] - top);
  const right = Math.max(0, w + kw - 1 - spread.shape[2] - left);
  const convOut = conv2d(ref, spread, swapped, {
    padding: [
      [top, bottom],
      [left, right]
    ]
  });
  disposeInfos(ref, swapped);
  if (spread !== dy) disposeInfos(ref, spread);

  if (convOut.shape[1] === h && convOut.shape[2] === w) return convOut;
  const dx = slice(ref, convOut, [0, 0, 0, 0], [batch, h, w, ci]);
  disposeInfos(ref, convOut);
  return dx;
}

/**
 * The kernel config that replaces `backendName`'s Conv2DBackpropInput; cases it cannot express as a convolution
 * go to `fallback` (the backend's stock kernel). On wasm, stride-1 'valid' cases go to the direct SIMD kernel once
 * it has loaded (conv2dBackpropInputDirect.ts).
 */
export function conv2dBackpropInputConfig(
  backendName: string,
  fallback: KernelFunc | undefined
): KernelConfig {
  const kernelFunc = (args: Parameters<KernelFunc>[0]) => {
    const { inputs, backend } = args;
    const attrs = args.attrs as unknown as BackpropInputAttrs & NamedAttrMap;
    if (!canBackpropInputViaConv(inputs.filter!.shape, attrs)) {
      if (!fallback) throw new Error('conv2dBackpropInput: unsupported padding or data format.');
      return fallback(args);
    }
    if (backendName === 'wasm') {
      const info = tf.backend_util.computeConv2DInfo(
        attrs.inputShape,
        inputs.filter!.shape as [number, number, number, number],
        attrs.strides,
        1,
        attrs.pad,
        attrs.dimRoundingMode
      );
      if (canBackpropInputDirect(info))
        return conv2dBackpropInputDirect(backend as BackendWasm, inputs.dy!, inputs.filter!, info);
    }
    return conv2dBackpropInputViaConv(
      { backend: backend as KernelBackend, name: backendName },
      inputs.dy!,
      inputs.filter!,
      attrs
    );
  };
  return { kernelName: 'Conv2DBackpropInput', backendName, kernelFunc: kernelFunc as KernelFunc };
}
