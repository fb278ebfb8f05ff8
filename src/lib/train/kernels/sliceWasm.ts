/**
 * Slice, SplitV and Concat for the wasm backend with plain copy loops.
 *
 * The stock kernels copy one innermost row at a time through `subarray().set()`, which costs far more than the copy
 * itself when rows are short, e.g. joining an Inception block's four branches of 16 and 24 channels into 88
 * (Concat) and splitting the gradient back (SplitV). A simple indexed loop is several times faster there.
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** Copies columns [begin, begin + width) of every row of a [rows, xWidth] float32 matrix. */
function copyColumns(x: Float32Array, xWidth: number, begin: number, width: number, out: Float32Array): void {
  const rows = x.length / xWidth;
  let o = 0;
  for (let r = 0; r < rows; r++) {
    const from = r * xWidth + begin;
    for (let i = 0; i < width; i++) out[o++] = x[from + i];
  }
}

/** Copies the window [begin, begin + size) of x (any rank) into a new tensor. */
export function sliceWasm(backend: BackendWasm, x: TensorInfo, begin: number[], size: number[]): TensorInfo {
  const out = backend.makeOutput(size, x.dtype);
  const outValues = backend.typedArrayFromHeap(out);
  const xValues = backend.typedArrayFromHeap(x);
  const rank = x.shape.length;
  const lastAxisOnly = x.shape.every((d, i) => i === rank - 1 || (begin[i] === 0 && size[i] === d));
  if (x.dtype === 'float32' && lastAxisOnly) {
    // The common case (channels of an NHWC tensor): one tight monomorphic loop.
    copyColumns(
      xValues as Float32Array,
      x.shape[rank - 1],
      begin[rank - 1],
      size[rank - 1],
      outValues as Float32Array
    );
    return out;
  }
  const strides = tf.util.computeStrides(x.shape);
  const inner = size[rank - 1];
  const rows = size.slice(0, rank - 1);
  const rowCount = rows.reduce((a, b) => a * b, 1);
  const index = new Array<number>(rank - 1).fill(0); // position among the rows, odometer-style
  let o = 0;
  for (let row = 0; row < rowCount; row++) {
    let from = begin[rank - 1];
    for (let d = 0; d < rank - 1; d++) from += (begin[d] + index[d]) * strides[d];
    if (inner >= 64) {
      outValues.set(xValues.subarray(from, from + inner), o);
      o += inner;
    } else {
      for (let i = 0; i < inner; i++) outValues[o++] = xValues[from + i];
    }
    for (let d = rank - 2; d >= 0; d--) {
      if (++index[d] < rows[d]) break;
      index[d] = 0;
    }
  }
  return out;
}

function slice(args: {
  inputs: { x: TensorInfo };
  backend: BackendWasm;
  attrs: { begin: number[]; size: number[] };
}) {
  const { x } = args.inputs;
  const [begin, size] = tf.backend_util.slice_util.parseSliceParams(
    x as unknown as tf.Tensor,
    args.attrs.begin,
    args.attrs.size
  );
  if (x.dtype === 'string' || size.some((s) => s === 0)) return null; // left to the stock kernel
  return sliceWasm(args.backend, x, begin, size);
}

function splitV(args: {
  inputs: { x: TensorInfo };
  backend: BackendWasm;
  attrs: { numOrSizeSplits: number | number[]; axis: number | number[] };
}) {
  const { x } = args.inputs;
  const axis = tf.util.parseAxisParam(args.attrs.axis, x.shape)[0];
  const sizes = tf.backend_util.prepareSplitSize(x as unknown as tf.Tensor, args.attrs.numOrSizeSplits, axis);
  const begin = new Array<number>(x.shape.length).fill(0);
  return sizes.map((s) => {
    const size = [...x.shape];
    size[axis] = s;
    const part = sliceWasm(args.backend, x, begin, size);
    begin[axis] += s;
    return part;
  });
}

function concat(args: { inputs: TensorInfo[]; backend: BackendWasm; attrs: { axis: number } }) {
  const { inputs, backend } = args;
  const rank = inputs[0].shape.length;
  const axis = tf.util.parseAxisParam(args.attrs.axis, inputs[0].shape)[0];
  if (axis !== rank - 1 || inputs.some((t) => t.dtype !== 'float32') || rank < 2) return null;
  const widths = inputs.map((t) => t.shape[rank - 1]);
  const outWidth = widths.reduce((a, b) => a + b, 0);
  const out = backend.makeOutput([...inputs[0].shape.slice(0, -1), outWidth], 'float32');
  const outValues = backend.typedArrayFromHeap(out) as Float32Array;
  const rows = outValues.length / outWidth;
  let begin = 0;
  inputs.forEach((t, k) => {
    const values = backend.typedArrayFromHeap(t) as Float32Array;
    const width = widths[k];
    for (let r = 0; r < rows; r++) {
      const from = r * width;
      const to = r * outWidth + begin;
      for (let i = 0; i < width; i++) outValues[to + i] = values[from + i];
    }
    begin += width;
  });
  return out;
}

/** Replacement configs; `stockSlice` handles the cases this loop does not (strings, empty slices). */
export function sliceWasmConfigs(stockSlice: KernelFunc, stockConcat: KernelFunc): KernelConfig[] {
  const sliceOrStock = (args: Parameters<KernelFunc>[0]) =>
    slice(args as unknown as Parameters<typeof slice>[0]) ?? stockSlice(args);
  const concatOrStock = (args: Parameters<KernelFunc>[0]) => {
    const inputs = Object.values(args.inputs) as TensorInfo[];
    const { backend, attrs } = args as unknown as Omit<Parameters<typeof concat>[0], 'inputs'>;
    return concat({ inputs, backend, attrs }) ?? stockConcat(args);
  };
  return [
    { kernelName: 'Slice', backendName: 'wasm', kernelFunc: sliceOrStock as KernelFunc },
    { kernelName: 'SplitV', backendName: 'wasm', kernelFunc: splitV as unknown as KernelFunc },
    { kernelName: 'Concat', backendName: 'wasm', kernelFunc: concatOrStock as KernelFunc }
  ];
}
