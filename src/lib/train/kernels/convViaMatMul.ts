/**
 * Convolution gradients through one matrix product plus a plain loop (im2col / col2im), for layers with very few
 * input channels, like the first layer of an MNIST net (1 channel).
 *
 * There the forward-convolution route is inefficient: its output (or its filter) has a single channel, which leaves
 * XNNPACK's matrix kernels mostly idle. Here the heavy part is one well-shaped matrix product, and the loop only
 * moves B·OH·OW·KH·KW·Ci numbers, which is small exactly when Ci is small.
 *
 *   Conv2DBackpropFilter: cols[n, (kh, kw, ci)] = x[b, oh·s + kh − top, ow·s + kw − left, ci]  (im2col),
 *                         dW = colsᵀ · dy            ([KH·KW·Ci, Co], already dW's memory layout)
 *   Conv2DBackpropInput:  P = dy · Wᵀ                ([B·OH·OW, KH·KW·Ci]),
 *                         dx[b, oh·s + kh − top, ow·s + kw − left, ci] += P[n, (kh, kw, ci)]  (col2im)
 *
 * where n runs over (b, oh, ow). Positions outside the input (padding) are skipped.
 */
import type { backend_util, TensorInfo } from '@tensorflow/tfjs';
import {
  disposeInfos,
  fromValues,
  matMul,
  readValues,
  reshapeInfo,
  transpose,
  type BackendRef
} from './backendKernels';

type Conv2DInfo = backend_util.Conv2DInfo;

/**
 * When the matrix-product route beats the forward-convolution route (measured with scripts/bench-train-micro.ts on
 * the lecture's layers): the weight gradient of 1×1 convolutions, and the input gradient of layers with at most 4
 * input channels and a larger kernel.
 */
export function filterGradViaMatMul(info: Conv2DInfo): boolean {
  return info.filterHeight === 1 && info.filterWidth === 1;
}
export function inputGradViaMatMul(info: Conv2DInfo): boolean {
  return info.inChannels <= 4 && info.filterHeight * info.filterWidth > 1;
}

/**
 * colsᵀ[(kh, kw, ci), n] = x[b, oh·s + kh − top, ow·s + kw − left, ci], zero in the padding. Built row by row of
 * colsᵀ so the writes are sequential and the reads walk along image rows.
 */
function im2colTransposed(x: Float32Array, info: Conv2DInfo): Float32Array {
  const {
    batchSize,
    inHeight,
    inWidth,
    inChannels: ci,
    outHeight,
    outWidth,
    filterHeight,
    filterWidth
  } = info;
  const { strideHeight: sh, strideWidth: sw } = info;
  const { top, left } = info.padInfo;
  const rows = batchSize * outHeight * outWidth;
  const colsT = new Float32Array(filterHeight * filterWidth * ci * rows);
  let o = 0;
  for (let kh = 0; kh < filterHeight; kh++) {
    for (let kw = 0; kw < filterWidth; kw++) {
      for (let k = 0; k < ci; k++) {
        for (let b = 0; b < batchSize; b++) {
          for (let oh = 0; oh < outHeight; oh++) {
            const r = oh * sh + kh - top;
            if (r < 0 || r >= inHeight) {
              o += outWidth; // stays zero
              continue;
            }
            const rowStart = (b * inHeight + r) * inWidth;
            for (let ow = 0; ow < outWidth; ow++, o++) {
              const c = ow * sw + kw - left;
              if (c >= 0 && c < inWidth) colsT[o] = x[(rowStart + c) * ci + k];
            }
          }
        }
      }
    }
  }
  return colsT;
}

/** dx[b, oh·s + kh − top, ow·s + kw − left, ci] += p[n, (kh, kw, ci)], skipping taps that fall in the padding. */
function col2im(p: Float32Array, info: Conv2DInfo): Float32Array {
  const {
    batchSize,
    inHeight,
    inWidth,
    inChannels: ci,
    outHeight,
    outWidth,
    filterHeight,
    filterWidth
  } = info;
  const { strideHeight: sh, strideWidth: sw } = info;
  const { top, left } = info.padInfo;
  const dx = new Float32Array(batchSize * inHeight * inWidth * ci);
  let i = 0; // walks p in order: n, then kh, kw, ci
  for (let b = 0; b < batchSize; b++) {
    for (let oh = 0; oh < outHeight; oh++) {
      for (let ow = 0; ow < outWidth; ow++) {
        for (let kh = 0; kh < filterHeight; kh++) {
          const r = oh * sh + kh - top;
          for (let kw = 0; kw < filterWidth; kw++, i += ci) {
            const c = ow * sw + kw - left;
            if (r < 0 || r >= inHeight || c < 0 || c >= inWidth) continue;
            const to = ((b * inHeight + r) * inWidth + c) * ci;
            for (let k = 0; k < ci; k++) dx[to + k] += p[i + k];
          }
        }
      }
    }
  }
  return dx;
}

export function conv2dBackpropFilterViaMatMul(
  ref: BackendRef,
  x: TensorInfo,
  dy: TensorInfo,
  info: Conv2DInfo
): TensorInfo {
  const { batchSize, outHeight, outWidth, filterHeight, filterWidth, inChannels, outChannels } = info;
  const rows = batchSize * outHeight * outWidth;
  const tapSize = filterHeight * filterWidth * inChannels;
  const plain1x1 =
    tapSize === inChannels && info.strideHeight === 1 && info.strideWidth === 1 && info.padInfo.top === 0;
  // For a plain 1×1 convolution colsᵀ is just xᵀ, which the backend's Transpose makes faster than a JS loop.
  const colsInfo = plain1x1
    ? transpose(ref, reshapeInfo(x, [rows, inChannels]), [1, 0])
    : fromValues(ref, im2colTransposed(readValues(ref, x), info), [tapSize, rows]);
  const dw = matMul(ref, colsInfo, reshapeInfo(dy, [rows, outChannels]));
  disposeInfos(ref, colsInfo);
  return reshapeInfo(dw, [filterHeight, filterWidth, inChannels, outChannels]);
}

export function conv2dBackpropInputViaMatMul(
  ref: BackendRef,
  dy: TensorInfo,
  filter: TensorInfo,
  info: Conv2DInfo
): TensorInfo {
  const { batchSize, outHeight, outWidth, filterHeight, filterWidth, inChannels, outChannels } = info;
  const rows = batchSize * outHeight * outWidth;
  const tapSize = filterHeight * filterWidth * inChannels;
  // P = dy · Wᵀ: [B·OH·OW, Co] × [Co, KH·KW·Ci]. Wᵀ is small, so a loop is fine.
  const w = readValues(ref, filter);
  const wT = new Float32Array(w.length);
  for (let t = 0; t < tapSize; t++) {
    for (let o = 0; o < outChannels; o++) wT[o * tapSize + t] = w[t * outChannels + o];
  }
  const wTInfo = fromValues(ref, wT, [outChannels, tapSize]);
  const product = matMul(ref, reshapeInfo(dy, [rows, outChannels]), wTInfo);
  const dx = col2im(readValues(ref, product), info);
  disposeInfos(ref, wTInfo, product);
  return fromValues(ref, dx, info.inShape);
}
