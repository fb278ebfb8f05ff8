/**
 * The messages between the page and the training worker.
 *
 * The page sends the model as data (its topology from `model.toJSON()` plus its weights), so the worker can rebuild
 * it with tf.layers; the worker streams `progress` and finally returns the trained weights in `done`.
 */
import type { Wording } from '../i18n/worded';
import type { BackendName, WasmPaths } from './backend';
import type { Measurement, Skipped } from './backendChoice';

/** Shape and name of one weight tensor, in `model.getWeights()` order. */
export interface WeightSpec {
  /** The variable's name, only for error messages. */
  name: string;
  /** Tensor shape, e.g. [5, 5, 1, 10] for a conv kernel. */
  shape: number[];
}

/** Model weights as transferable buffers: `buffers[i]` holds the float32 values of `specs[i]`. */
export interface SerializedWeights {
  /** One entry per weight, in `model.getWeights()` order. */
  specs: WeightSpec[];
  /** One float32 buffer per weight. */
  buffers: ArrayBuffer[];
}

/** A set of labelled images. */
export interface DataSlice {
  /** Normalised pixels, NHWC [count, 28, 28, 1] flattened. */
  images: Float32Array;
  /** Class of each image, 0–9. */
  labels: Uint8Array;
}

/** Training data, and optionally test data evaluated at the end of each epoch. */
export interface TrainData {
  /** Examples the optimizer learns from. */
  train: DataSlice;
  /** Held-out examples for the test accuracy; omit to skip evaluation. */
  test?: DataSlice;
}

/** How to train. */
export interface TrainOptions {
  /** 'sgd' (with `momentum`, as in the lecture) or 'adam'. */
  optimizer: 'sgd' | 'adam';
  /** Step size, 0 < learningRate ≤ 10. */
  learningRate: number;
  /** SGD momentum in [0, 1); ignored by adam. */
  momentum: number;
  /** Examples per step, a whole number from 1 to the number of training examples. */
  batchSize: number;
  /** Passes over the training data. */
  epochs: number;
  /** Seeds the batch order (the initial weights come from the page's model; build it with seeded initializers). */
  seed: number;
  /** Force a backend instead of choosing automatically. */
  backend?: BackendName;
  /** Learning-rate drops: omitted, the rate stays constant (see LearningRateSchedule). */
  schedule?: LearningRateSchedule;
}

/**
 * A step schedule (PyTorch's MultiStepLR counted in steps, He et al. 2016's "divide by 10"): after each
 * milestone step the learning rate is multiplied by `gamma`. `{ milestones: [300], gamma: 0.1 }` trains
 * steps 1–300 at the given rate and every later step at a tenth of it.
 */
export interface LearningRateSchedule {
  /** Steps (batches done, counted from the start of training) after which the rate drops; increasing. */
  milestones: number[];
  /** Factor applied at each milestone, 0 < gamma ≤ 1. */
  gamma: number;
}

/** The defaults the lecture uses. */
export const defaultTrainOptions: TrainOptions = {
  optimizer: 'sgd',
  learningRate: 0.01,
  momentum: 0.5,
  batchSize: 64,
  epochs: 1,
  seed: 1
};

/** A snapshot after one training step. */
export interface Progress {
  /** Steps (batches) done since the start, from 1. */
  step: number;
  /** Current epoch, from 1. */
  epoch: number;
  /** Steps per epoch. */
  stepsPerEpoch: number;
  /** Mean cross-entropy of this batch. */
  loss: number;
  /** Fraction of this batch classified correctly. */
  batchAccuracy: number;
  /** Fraction classified correctly so far in this epoch. */
  runningAccuracy: number;
  /** Mean loss per example so far in this epoch (on the epoch's last step: the epoch's mean training loss). */
  epochLoss: number;
  /** The learning rate this step used (it changes with a schedule or when the page sets it). */
  learningRate: number;
  /** Training throughput in this epoch so far (pauses excluded). */
  samplesPerSec: number;
  /** Accuracy on the test data; present on the last step of each epoch when test data was given. */
  testAccuracy?: number;
  /** The tfjs backend doing the work. */
  backend: string;
  /** How it runs, for the reader, e.g. "wasm (SIMD, 1 thread) with the project's training kernels". */
  backendInfo?: string;
}

/** Page → worker. */
export type ToWorker =
  | {
      type: 'start';
      /** `model.toJSON(null, false)`. */
      modelTopology: object;
      weights: SerializedWeights;
      data: TrainData;
      options: TrainOptions;
      /** Where the wasm binaries are served (bundled builds). */
      wasmPaths?: WasmPaths;
      /** Threads for wasm when the page is cross-origin isolated; omitted: the default (see backend.ts). */
      wasmThreads?: number;
      /**
       * Time a few steps on each backend first and train on the fastest (ignored when `options.backend` is set);
       * `allowSoftware` also times GPU backends on a software adapter.
       */
      measure?: { allowSoftware?: boolean };
    }
  | { type: 'pause' }
  | { type: 'resume' }
  /** Stop after the current batch and send the weights back. */
  | { type: 'stop' }
  | { type: 'setLearningRate'; learningRate: number };

/** Worker → page. */
export type FromWorker =
  | { type: 'progress'; progress: Progress }
  /** The timings asked for by `measure`, sent before the first progress. */
  | { type: 'measured'; measurements: Measurement[]; skipped: Skipped[] }
  /** Training ended (all epochs, or stopped early) with these weights. */
  | { type: 'done'; weights: SerializedWeights; stopped: boolean }
  /** `message` in English; `wording`, when the error has one, for the page to word it in its language. */
  | { type: 'error'; message: string; wording?: Wording };
