/**
 * The project's compact MNIST file (static/data/mnist-10k.bin, made by scripts/build-mnist.ts) and the usual
 * normalisation. Pure: bytes in, typed arrays out; fetching and tensors live elsewhere.
 *
 * File layout (little-endian):
 *   0  4 bytes  magic "MNB1"
 *   4  uint32   count N
 *   8  uint16   rows (28)
 *  10  uint16   cols (28)
 *  12  uint32   reserved, 0
 *  16  N·rows·cols uint8 pixels, 0..255, digit after digit, row-major
 *  ..  N uint8 labels 0..9
 */

/** Raw digits as stored: uint8 pixels and labels. */
export interface MnistRaw {
  /** Number of digits. */
  count: number;
  /** Image height (28). */
  rows: number;
  /** Image width (28). */
  cols: number;
  /** count·rows·cols pixels, 0 (background) … 255 (ink). */
  pixels: Uint8Array;
  /** count labels, 0…9. */
  labels: Uint8Array;
}

/** Normalised digits, ready for a network. */
export interface MnistSet {
  /** Number of digits. */
  count: number;
  /** Image height (28). */
  rows: number;
  /** Image width (28). */
  cols: number;
  /** count·rows·cols values (x/255 − mean)/std. */
  images: Float32Array;
  /** count labels, 0…9. */
  labels: Uint8Array;
}

/** The MNIST training set's pixel mean and standard deviation (of x/255), as in PyTorch's examples. */
export const MNIST_MEAN = 0.1307;
/** See MNIST_MEAN. */
export const MNIST_STD = 0.3081;

/** Where the app serves the file (relative to the site's base path). */
export const MNIST_BIN_PATH = 'data/mnist-10k.bin';
/** How to make the file when it is missing. */
export const MNIST_REBUILD_HINT =
  'run `npx tsx scripts/build-mnist.ts` (npm run dev, build and test run it for you)';

const MAGIC = 'MNB1';
const HEADER = 16;

/** Writes digits in the mnist-10k.bin layout. */
export function encodeMnistBin(raw: MnistRaw): Uint8Array {
  checkRaw(raw);
  const size = raw.rows * raw.cols;
  const bytes = new Uint8Array(HEADER + raw.count * size + raw.count);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 4; i++) bytes[i] = MAGIC.charCodeAt(i);
  view.setUint32(4, raw.count, true);
  view.setUint16(8, raw.rows, true);
  view.setUint16(10, raw.cols, true);
  bytes.set(raw.pixels, HEADER);
  bytes.set(raw.labels, HEADER + raw.count * size);
  return bytes;
}

/** Reads an mnist-10k.bin file; a wrong or truncated file gets a message saying how to regenerate it. */
export function decodeMnistBin(data: ArrayBuffer | Uint8Array): MnistRaw {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (bytes.length < HEADER || magic !== MAGIC) {
    throw new Error(`not an MNIST binary (expected magic "${MAGIC}", got "${magic}"): ${MNIST_REBUILD_HINT}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const rows = view.getUint16(8, true);
  const cols = view.getUint16(10, true);
  const expected = HEADER + count * rows * cols + count;
  if (bytes.length !== expected) {
    throw new Error(
      `MNIST binary is ${bytes.length} bytes but its header (${count} digits of ${rows}×${cols}) ` +
        `needs ${expected}: ${MNIST_REBUILD_HINT}`
    );
  }
  const pixelsEnd = HEADER + count * rows * cols;
  const raw = { count, rows, cols, pixels: bytes.slice(HEADER, pixelsEnd), labels: bytes.slice(pixelsEnd) };
  checkRaw(raw);
  return raw;
}

function checkRaw(raw: MnistRaw): void {
  if (raw.pixels.length !== raw.count * raw.rows * raw.cols) {
    throw new Error(`expected ${raw.count}·${raw.rows}·${raw.cols} pixels, got ${raw.pixels.length}`);
  }
  if (raw.labels.length !== raw.count)
    throw new Error(`expected ${raw.count} labels, got ${raw.labels.length}`);
  const bad = raw.labels.findIndex((l) => l > 9);
  if (bad >= 0) throw new Error(`label ${raw.labels[bad]} of digit ${bad} is not 0…9`);
}

/** (x/255 − 0.1307)/0.3081 for every pixel. */
export function normalise(raw: MnistRaw): MnistSet {
  const images = new Float32Array(raw.pixels.length);
  for (let i = 0; i < images.length; i++) images[i] = (raw.pixels[i] / 255 - MNIST_MEAN) / MNIST_STD;
  return { count: raw.count, rows: raw.rows, cols: raw.cols, images, labels: raw.labels };
}

/** The digits at `indices`, in that order. */
export function subset(set: MnistSet, indices: ArrayLike<number>): MnistSet {
  const size = set.rows * set.cols;
  const images = new Float32Array(indices.length * size);
  const labels = new Uint8Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const j = indices[i];
    images.set(set.images.subarray(j * size, (j + 1) * size), i * size);
    labels[i] = set.labels[j];
  }
  return { count: indices.length, rows: set.rows, cols: set.cols, images, labels };
}

/** How many digits of each class 0…9. */
export function classCounts(labels: ArrayLike<number>): number[] {
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]]++;
  return counts;
}

/**
 * Fetches and decodes the 10,000-digit file (`fetchFn` is the browser's fetch, injected so this stays
 * testable); a missing file says how to regenerate it.
 */
export async function loadMnistBin(url: string, fetchFn: typeof fetch = fetch): Promise<MnistRaw> {
  const response = await fetchFn(url);
  if (!response.ok)
    throw new Error(`MNIST data missing at ${url} (HTTP ${response.status}): ${MNIST_REBUILD_HINT}`);
  return decodeMnistBin(await response.arrayBuffer());
}
