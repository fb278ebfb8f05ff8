/**
 * The page's side: `train(model, data, options)` runs the training in a Web Worker and is consumed as an async
 * iterator of progress, e.g. in a notebook cell:
 *
 *   for await (const p of train(model, data, { epochs: 2 })) yield p;
 *
 * When the loop ends normally the trained weights are already set on `model`. Ending the loop early (`break`, or the
 * runtime calling `.return()` when the cell re-runs) terminates the worker at once. `stop()` instead ends training
 * after the current batch and still brings the weights back.
 */
import type * as tf from '@tensorflow/tfjs';
import type { WasmPaths } from './backend';
import type { Measurement, Skipped } from './backendChoice';
import {
  defaultTrainOptions,
  type FromWorker,
  type Progress,
  type ToWorker,
  type TrainData,
  type TrainOptions
} from './protocol';
import { assertValid, layerProblems, optionProblems, outputProblems } from './validate';
import { applyWeights, serializeWeights } from './weights';
import { WordedError, wordingOf } from '../i18n/worded';

/** The part of the Worker API the client uses (a fake in-process worker implements it in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

export interface TrainConfig {
  /** Makes the worker; defaults to the bundled `worker.ts` module worker. */
  createWorker?: () => WorkerLike;
  /** Where the wasm binaries are served (pass the URLs Vite gives for the three .wasm files, or their folder). */
  wasmPaths?: WasmPaths;
  /** Threads for wasm in a cross-origin isolated page (default: the logical cores, up to 4). */
  wasmThreads?: number;
  /** Time each backend first and train on the fastest (unless `options.backend` forces one); see measureBackends.ts. */
  measure?: { allowSoftware?: boolean };
  /** Called with the timings when `measure` ran, before the first progress. */
  onMeasured?: (timings: { measurements: Measurement[]; skipped: Skipped[] }) => void;
}

function bundledWorker(): WorkerLike {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

type Pending = { resolve: (r: IteratorResult<Progress, undefined>) => void; reject: (e: Error) => void };

/** A running training: an async iterator of progress plus controls. */
export class TrainingRun implements AsyncIterableIterator<Progress, undefined> {
  private queue: Progress[] = [];
  private pending: Pending | null = null;
  private finished = false;
  private failure: Error | null = null;
  private worker: WorkerLike;
  /** True once the run ended because stop() was asked for before its last step. */
  stopped = false;
  /** True between pause() and resume(). */
  paused = false;

  constructor(
    private model: tf.LayersModel,
    start: Extract<ToWorker, { type: 'start' }>,
    createWorker: () => WorkerLike,
    private onMeasured?: TrainConfig['onMeasured']
  ) {
    this.worker = createWorker();
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) =>
      this.fail(event.message ? new Error(event.message) : new WordedError('workerFailed', undefined));
    this.worker.postMessage(start, start.weights.buffers);
  }

  /** Pauses between two batches. */
  pause(): void {
    if (this.finished) return;
    this.paused = true;
    this.send({ type: 'pause' });
  }
  resume(): void {
    this.paused = false;
    this.send({ type: 'resume' });
  }
  /** Ends training after the current batch; the weights trained so far are still set on the model. */
  stop(): void {
    this.send({ type: 'stop' });
  }
  /** Takes effect from the next batch. */
  setLearningRate(learningRate: number): void {
    assertValid(optionProblems({ ...defaultTrainOptions, learningRate }, Infinity));
    this.send({ type: 'setLearningRate', learningRate });
  }

  next(): Promise<IteratorResult<Progress, undefined>> {
    const progress = this.queue.shift();
    if (progress) return Promise.resolve({ value: progress, done: false });
    if (this.failure) return Promise.reject(this.failure);
    if (this.finished) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.pending = { resolve, reject }));
  }

  /** Ends the training now (the worker is terminated; the model keeps its previous weights). */
  return(): Promise<IteratorResult<Progress, undefined>> {
    this.close();
    this.queue = [];
    this.settle();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<Progress, undefined>> {
    this.close();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private send(message: ToWorker): void {
    if (!this.finished) this.worker.postMessage(message);
  }

  private receive(message: FromWorker): void {
    if (this.finished) return;
    if (message.type === 'progress') this.queue.push(message.progress);
    if (message.type === 'measured') {
      const { measurements, skipped } = message;
      return this.onMeasured?.({ measurements, skipped });
    }
    if (message.type === 'error') return this.fail(fromWorker(message));
    if (message.type === 'done') {
      this.stopped = message.stopped;
      this.paused = false;
      try {
        applyWeights(this.model, message.weights);
      } catch (error) {
        return this.fail(error as Error);
      }
      this.close();
    }
    this.settle();
  }

  private fail(error: Error): void {
    this.failure = error;
    this.close();
    this.settle();
  }

  private close(): void {
    if (this.finished) return;
    this.finished = true;
    this.worker.terminate();
  }

  /** Answers a waiting `next()` if there is something to answer with. */
  private settle(): void {
    if (!this.pending) return;
    const { resolve, reject } = this.pending;
    const progress = this.queue.shift();
    if (progress) resolve({ value: progress, done: false });
    else if (this.failure) reject(this.failure);
    else if (this.finished) resolve({ value: undefined, done: true });
    else return;
    this.pending = null;
  }
}

/** The worker's error as the page gets it: worded again when it came as `{ key, params }`. */
function fromWorker(message: Extract<FromWorker, { type: 'error' }>): Error {
  const wording = wordingOf(message);
  return wording ? new WordedError(wording.key, wording.params as never) : new Error(message.message);
}

/**
 * Trains `model` on `data` in a worker. Throws at once, before any work, when an option, the model's output shape or
 * one of its layer classes is unusable.
 */
export function train(
  model: tf.LayersModel,
  data: TrainData,
  options: Partial<TrainOptions> = {},
  config: TrainConfig = {}
): TrainingRun {
  const full: TrainOptions = { ...defaultTrainOptions, ...options };
  const modelTopology = model.toJSON(null, false) as object;
  assertValid([
    ...optionProblems(full, data.train.labels.length),
    ...outputProblems(model.outputs[0].shape),
    ...layerProblems(modelTopology)
  ]);
  const start: ToWorker = {
    type: 'start',
    modelTopology,
    weights: serializeWeights(model),
    data,
    options: full,
    wasmPaths: config.wasmPaths,
    wasmThreads: config.wasmThreads,
    measure: config.measure
  };
  return new TrainingRun(model, start, config.createWorker ?? bundledWorker, config.onMeasured);
}
