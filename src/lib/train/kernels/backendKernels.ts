/**
 * Calling a backend's own kernels directly, below the tfjs engine.
 *
 * Inside a kernel we may not use `tf.*` ops: the engine would record them on the gradient tape and count them as
 * tensors. Instead we call other kernels of the same backend through `tf.getKernel(name, backend).kernelFunc`,
 * which work on bare `TensorInfo`s (a data id + shape), and free every intermediate ourselves with
 * `backend.disposeData`. A kernel built this way leaves exactly one new data id behind: its output.
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelBackend, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';

/** A backend plus the name it is registered under (kernels are looked up by that name). */
export interface BackendRef {
  /** The backend instance, e.g. `tf.backend()` while 'wasm' is active. */
  backend: KernelBackend;
  /** The registry name: 'wasm' or 'cpu'. */
  name: string;
}

/** Runs one of the backend's registered kernels on bare tensor infos and returns its (single) output. */
export function runKernel(
  ref: BackendRef,
  kernelName: string,
  inputs: Record<string, TensorInfo>,
  attrs: NamedAttrMap = {}
): TensorInfo {
  const kernel = tf.getKernel(kernelName, ref.name);
  if (!kernel) throw new Error(`Kernel '${kernelName}' is not registered for backend '${ref.name}'.`);
  const out = kernel.kernelFunc({ inputs, attrs, backend: ref.backend });
  return Array.isArray(out) ? out[0] : out;
}

/** Frees intermediates produced by `runKernel`. */
export function disposeInfos(ref: BackendRef, ...infos: TensorInfo[]): void {
  for (const info of infos) ref.backend.disposeData(info.dataId);
}

/** The same data seen with another shape (a free view: no copy and no new data id, so do not dispose it). */
export function reshapeInfo(info: TensorInfo, shape: number[]): TensorInfo {
  return { dataId: info.dataId, shape, dtype: info.dtype };
}

export function transpose(ref: BackendRef, x: TensorInfo, perm: number[]): TensorInfo {
  return runKernel(ref, 'Transpose', { x }, { perm });
}

/** A window [begin, begin + size) of x. */
export function slice(ref: BackendRef, x: TensorInfo, begin: number[], size: number[]): TensorInfo {
  return runKernel(ref, 'Slice', { x }, { begin, size });
}

/** Zero padding, `paddings[axis] = [before, after]`. */
export function pad(ref: BackendRef, x: TensorInfo, paddings: [number, number][]): TensorInfo {
  return runKernel(ref, 'PadV2', { x }, { paddings, constantValue: 0 });
}

/** Forward NHWC convolution with explicit padding `[[top, bottom], [left, right]]`. */
export function conv2d(
  ref: BackendRef,
  x: TensorInfo,
  filter: TensorInfo,
  options: {
    strides?: [number, number];
    dilations?: [number, number];
    padding: [[number, number], [number, number]];
  }
): TensorInfo {
  const [[top, bottom], [left, right]] = options.padding;
  return runKernel(ref, 'Conv2D', { x, filter }, {
    strides: options.strides ?? [1, 1],
    dilations: options.dilations ?? [1, 1],
    pad: [
      [0, 0],
      [top, bottom],
      [left, right],
      [0, 0]
    ],
    dataFormat: 'NHWC'
  } as unknown as NamedAttrMap);
}

/** A new float32 tensor info holding `values` (copied into the backend). */
export function fromValues(ref: BackendRef, values: Float32Array, shape: number[]): TensorInfo {
  return { dataId: ref.backend.write(values, shape, 'float32'), shape, dtype: 'float32' };
}

/**
 * Matrix product [m, k] × [k, n] → [m, n], run as a 1×1 forward convolution: on wasm that is XNNPACK's GEMM, while
 * the BatchMatMul kernel is a slower loop for these shapes.
 */
export function matMul(ref: BackendRef, a: TensorInfo, b: TensorInfo): TensorInfo {
  const [m, k] = a.shape;
  const n = b.shape[1];
  const product = conv2d(ref, reshapeInfo(a, [1, 1, m, k]), reshapeInfo(b, [1, 1, k, n]), {
    padding: [
      [0, 0],
      [0, 0]
    ]
  });
  return reshapeInfo(product, [m, n]);
}

/**
 * The values of a tensor info for reading. On wasm this is a view into the heap (no copy): use it before anything
 * allocates on the backend again, since growing the wasm memory detaches old views.
 */
export function readValues(ref: BackendRef, info: TensorInfo): Float32Array {
  const heap = ref.backend as unknown as { typedArrayFromHeap?: (info: TensorInfo) => Float32Array };
  if (typeof heap.typedArrayFromHeap === 'function') return heap.typedArrayFromHeap(info);
  return ref.backend.readSync(info.dataId) as Float32Array;
}
