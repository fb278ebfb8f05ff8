/**
 * Decoding of the official MNIST idx files (train-images-idx3-ubyte etc.), given already-gunzipped bytes
 * (in the browser: `new Response(file.stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()`).
 *
 * idx format (big-endian): two zero bytes, a type byte (0x08 = unsigned byte), the number of dimensions, one
 * uint32 per dimension, then the data.
 */
import { normalise, type MnistRaw, type MnistSet } from './mnist';

/** A decoded idx array of unsigned bytes. */
export interface IdxArray {
  /** Dimensions, e.g. [60000, 28, 28]. */
  dims: number[];
  /** The values, row-major. */
  data: Uint8Array;
}

/** Decodes one idx file of unsigned bytes, validating its header. `what` names it in error messages. */
export function decodeIdx(data: ArrayBuffer | Uint8Array, what = 'idx file'): IdxArray {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    throw new Error(`${what} is still gzip-compressed: decompress it first (DecompressionStream('gzip'))`);
  }
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) {
    throw new Error(`${what} is not an idx file: it must start with two zero bytes`);
  }
  if (bytes[2] !== 0x08) {
    throw new Error(
      `${what} holds type 0x${bytes[2].toString(16).padStart(2, '0')}; only unsigned bytes (0x08) are supported`
    );
  }
  const rank = bytes[3];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = 4 + 4 * rank;
  if (bytes.length < start) throw new Error(`${what} is truncated inside its header`);
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i, false));
  const size = dims.reduce((a, b) => a * b, 1);
  if (bytes.length !== start + size) {
    throw new Error(
      `${what} has ${bytes.length - start} data bytes but its header (${dims.join('×')}) needs ${size}`
    );
  }
  return { dims, data: bytes.subarray(start) };
}

/** Encodes unsigned bytes as an idx file (for tests and tools). */
export function encodeIdx(array: IdxArray): Uint8Array {
  const start = 4 + 4 * array.dims.length;
  const bytes = new Uint8Array(start + array.data.length);
  const view = new DataView(bytes.buffer);
  bytes[2] = 0x08;
  bytes[3] = array.dims.length;
  array.dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  bytes.set(array.data, start);
  return bytes;
}

/** Pairs an images idx file (N×rows×cols) with its labels idx file (N). */
export function decodeIdxPair(
  images: ArrayBuffer | Uint8Array,
  labels: ArrayBuffer | Uint8Array,
  name = 'MNIST'
): MnistRaw {
  const x = decodeIdx(images, `${name} images`);
  const y = decodeIdx(labels, `${name} labels`);
  if (x.dims.length !== 3)
    throw new Error(`${name} images must be N×rows×cols, got ${x.dims.join('×')} (are the files swapped?)`);
  if (y.dims.length !== 1)
    throw new Error(`${name} labels must be a list of N labels, got ${y.dims.join('×')}`);
  if (x.dims[0] !== y.dims[0]) throw new Error(`${name} has ${x.dims[0]} images but ${y.dims[0]} labels`);
  return {
    count: x.dims[0],
    rows: x.dims[1],
    cols: x.dims[2],
    pixels: x.data.slice(),
    labels: y.data.slice()
  };
}

/** The four official files, gunzipped. */
export interface OfficialMnistFiles {
  /** train-images-idx3-ubyte (60,000 digits). */
  trainImages: ArrayBuffer | Uint8Array;
  /** train-labels-idx1-ubyte. */
  trainLabels: ArrayBuffer | Uint8Array;
  /** t10k-images-idx3-ubyte (10,000 digits). */
  testImages: ArrayBuffer | Uint8Array;
  /** t10k-labels-idx1-ubyte. */
  testLabels: ArrayBuffer | Uint8Array;
}

/** All 70,000 digits with the official 60,000 / 10,000 split, normalised. */
export function decodeOfficialMnist(files: OfficialMnistFiles): { train: MnistSet; test: MnistSet } {
  return {
    train: normalise(decodeIdxPair(files.trainImages, files.trainLabels, 'training')),
    test: normalise(decodeIdxPair(files.testImages, files.testLabels, 'test'))
  };
}
