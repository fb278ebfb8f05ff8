/**
 * The training loop: mini-batch gradient descent on a tf.LayersModel, free of DOM so it runs in a Web Worker
 * (and in Node for tests).
 *
 * Between two batches it checks the control (stop, pause, a new learning rate) and yields to the event loop, so
 * messages from the page are handled within one batch. The batch order is shuffled with a seeded PRNG; the initial
 * weights are the model's, so build the model with seeded initializers (e.g. `glorotUniform({ seed })`) to make a
 * whole run reproducible on the same backend.
 */
import * as tf from '@tensorflow/tfjs';
import { WordedError } from '../i18n/worded';
import type { DataSlice, Progress, TrainData, TrainOptions } from './protocol';
import { unfuseInputConvolutions } from './inputConvolutions';
import { mulberry32, shuffledIndices } from './random';
import { assertValid, optionProblems, outputProblems } from './validate';

const pixelsPerImage = 28 * 28;
const classes = 10;

/** Lets the page steer a running training; every request takes effect between two batches. */
export class TrainingControl {
  stopped = false;
  paused = false;
  /** A learning rate to switch to before the next batch. */
  pendingLearningRate: number | null = null;
  private wake: (() => void) | null = null;

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }
  pause(): void {
    this.paused = true;
  }
  resume(): void {
    this.paused = false;
    this.wake?.();
  }
  setLearningRate(learningRate: number): void {
    this.pendingLearningRate = learningRate;
  }
  /** Resolves when resumed or stopped. */
  whilePaused(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = () => {
        if (!this.paused || this.stopped) {
          this.wake = null;
          resolve();
        }
      };
      this.wake();
    });
  }
}

/** Where to continue a training that was interrupted (e.g. by a lost WebGL context), and a hook per epoch. */
export interface ResumeOptions {
  /** First epoch to run, from 1; earlier epochs' shuffles are still drawn so the batch order stays the same. */
  startEpoch?: number;
  /** Steps already done before `startEpoch` (progress keeps counting from there). */
  startStep?: number;
  /** Called after each completed epoch, e.g. to snapshot the weights. */
  onEpochEnd?: (epoch: number, step: number) => void | Promise<void>;
}

/** How a training ended. */
export interface TrainResult {
  /** True when stopped by the control before the last epoch finished. */
  stopped: boolean;
  /** Steps (batches) done. */
  steps: number;
}

/** Lets queued messages run: setImmediate where it exists (Node), else a MessageChannel (no 4 ms timer clamp). */
function yieldToEventLoop(): Promise<void> {
  const g = globalThis as { setImmediate?: (f: () => void) => void };
  if (g.setImmediate) return new Promise((resolve) => g.setImmediate!(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function makeOptimizer(options: TrainOptions): tf.Optimizer {
  if (options.optimizer === 'adam') return tf.train.adam(options.learningRate);
  return options.momentum > 0
    ? tf.train.momentum(options.learningRate, options.momentum)
    : tf.train.sgd(options.learningRate);
}

/** Changes the step size of a running optimizer. */
function setLearningRate(optimizer: tf.Optimizer, learningRate: number): void {
  // SGD and momentum keep −learningRate as a tensor, refreshed by setLearningRate; adam reads the plain field.
  if (optimizer instanceof tf.SGDOptimizer) optimizer.setLearningRate(learningRate);
  else (optimizer as unknown as { learningRate: number }).learningRate = learningRate;
}

/** Frees an optimizer's tensors, including the one MomentumOptimizer.dispose forgets in tfjs 4.22 (its −lr). */
function disposeOptimizer(optimizer: tf.Optimizer): void {
  optimizer.dispose();
  if (optimizer instanceof tf.MomentumOptimizer) {
    const c = (optimizer as unknown as { c?: tf.Tensor }).c;
    if (c && !c.isDisposed) c.dispose();
  }
}

/** Gathers the examples `indices` into an image tensor [n, 28, 28, 1] and one-hot labels [n, 10]. */
function batchTensors(
  data: DataSlice,
  indices: ArrayLike<number>
): { x: tf.Tensor4D; y: tf.Tensor2D; labels: Uint8Array } {
  const n = indices.length;
  const images = new Float32Array(n * pixelsPerImage);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const k = indices[i];
    images.set(data.images.subarray(k * pixelsPerImage, (k + 1) * pixelsPerImage), i * pixelsPerImage);
    labels[i] = data.labels[k];
  }
  const x = tf.tensor4d(images, [n, 28, 28, 1]);
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), classes).toFloat() as tf.Tensor2D);
  return { x, y, labels };
}

function countCorrect(predicted: Int32Array | Uint8Array | Float32Array, labels: Uint8Array): number {
  let correct = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) correct++;
  return correct;
}

/** The predicted classes of examples start…start + chunk − 1, with their labels (free `predicted`). */
function predictChunk(model: tf.LayersModel, data: DataSlice, start: number, chunk: number) {
  const count = Math.min(chunk, data.labels.length - start);
  const indices = Array.from({ length: count }, (_, i) => start + i);
  const { x, y, labels } = batchTensors(data, indices);
  const predicted = tf.tidy(() => (model.predict(x) as tf.Tensor).argMax(-1));
  tf.dispose([x, y]);
  return { predicted, labels };
}

/** Accuracy of `model` on `data`, evaluated in chunks so memory stays small. */
export function evaluateAccuracy(model: tf.LayersModel, data: DataSlice, chunk = 500): number {
  const count = data.labels.length;
  let correct = 0;
  for (let start = 0; start < count; start += chunk) {
    const { predicted, labels } = predictChunk(model, data, start, chunk);
    correct += countCorrect(predicted.dataSync() as Int32Array, labels);
    predicted.dispose();
  }
  return count === 0 ? 0 : correct / count;
}

/**
 * The same, reading each chunk asynchronously, as training does: webgpu's synchronous read is slow, and on a
 * software adapter (SwiftShader) it returns zeros.
 */
export async function evaluateAccuracyAsync(
  model: tf.LayersModel,
  data: DataSlice,
  chunk = 500
): Promise<number> {
  const count = data.labels.length;
  let correct = 0;
  for (let start = 0; start < count; start += chunk) {
    const { predicted, labels } = predictChunk(model, data, start, chunk);
    correct += countCorrect((await predicted.data()) as Int32Array, labels);
    predicted.dispose();
  }
  return count === 0 ? 0 : correct / count;
}

/** True when the model's last layer already applies softmax (then the loss takes probabilities, not logits). */
function endsWithSoftmax(model: tf.LayersModel): boolean {
  const last = model.layers[model.layers.length - 1];
  return last.getConfig().activation === 'softmax' || last.getClassName() === 'Softmax';
}

/**
 * Trains `model` in place. Calls `onProgress` after every batch; throws (with a message for the reader) when the
 * request is invalid or the loss stops being a finite number.
 */
export async function trainModel(
  model: tf.LayersModel,
  data: TrainData,
  options: TrainOptions,
  onProgress: (progress: Progress) => void,
  control: TrainingControl = new TrainingControl(),
  resume: ResumeOptions = {}
): Promise<TrainResult> {
  const trainCount = data.train.labels.length;
  assertValid([...optionProblems(options, trainCount), ...outputProblems(model.outputs[0].shape)]);

  const optimizer = makeOptimizer(options);

  // Name the variables: by default minimize() differentiates every variable alive, other models' included.
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const probabilities = endsWithSoftmax(model);
  const random = mulberry32(options.seed);
  const stepsPerEpoch = Math.ceil(trainCount / options.batchSize);
  const startEpoch = resume.startEpoch ?? 1;
  let step = resume.startStep ?? 0;
  const firstStep = step;
  // A resumed run starts at the rate its schedule had reached.
  const passed = options.schedule?.milestones.filter((m) => m <= step).length ?? 0;
  let learningRate = options.learningRate * (options.schedule?.gamma ?? 1) ** passed;
  for (let skipped = 1; skipped < startEpoch; skipped++) shuffledIndices(trainCount, random);
  const restoreLayers = unfuseInputConvolutions(model);
  try {
    for (let epoch = startEpoch; epoch <= options.epochs; epoch++) {
      const order = shuffledIndices(trainCount, random);
      let seen = 0;
      let correctInEpoch = 0;
      let lossInEpoch = 0;
      let busyMs = 0;
      for (let start = 0; start < trainCount; start += options.batchSize) {
        await yieldToEventLoop();
        if (control.paused && !control.stopped) await control.whilePaused();
        if (control.stopped) return { stopped: true, steps: step };
        if (control.pendingLearningRate !== null) {
          learningRate = control.pendingLearningRate;
          setLearningRate(optimizer, learningRate);
          control.pendingLearningRate = null;
        }
        // Milestone m: steps 1…m at the rate before it, step m + 1 onwards at gamma times that.
        if (options.schedule?.milestones.includes(step) && step > firstStep) {
          learningRate *= options.schedule.gamma;
          setLearningRate(optimizer, learningRate);
        }

        const began = performance.now();
        const { x, y, labels } = batchTensors(data.train, order.subarray(start, start + options.batchSize));
        let predicted: tf.Tensor | undefined;
        const cost = optimizer.minimize(
          () => {
            const output = model.apply(x, { training: true }) as tf.Tensor;
            predicted = tf.keep(output.argMax(-1));
            return probabilities
              ? (tf.metrics.categoricalCrossentropy(y, output).mean() as tf.Scalar)
              : (tf.losses.softmaxCrossEntropy(y, output) as tf.Scalar);
          },
          true,
          variables
        );
        const loss = (await cost!.data())[0];
        const correct = countCorrect((await predicted!.data()) as Int32Array, labels);
        tf.dispose([x, y, cost!, predicted!]);
        busyMs += performance.now() - began;
        step++;

        if (!Number.isFinite(loss)) {
          throw new WordedError('lossDiverged', { loss, step, learningRate });
        }
        seen += labels.length;
        correctInEpoch += correct;
        lossInEpoch += loss * labels.length;
        const progress: Progress = {
          step,
          epoch,
          stepsPerEpoch,
          loss,
          batchAccuracy: correct / labels.length,
          runningAccuracy: correctInEpoch / seen,
          epochLoss: lossInEpoch / seen,
          learningRate,
          samplesPerSec: busyMs > 0 ? (seen * 1000) / busyMs : 0,
          backend: tf.getBackend()
        };
        const lastOfEpoch = start + options.batchSize >= trainCount;
        if (lastOfEpoch && data.test && data.test.labels.length > 0) {
          progress.testAccuracy = await evaluateAccuracyAsync(model, data.test);
        }
        onProgress(progress);
      }
      await resume.onEpochEnd?.(epoch, step);
    }
    return { stopped: false, steps: step };
  } finally {
    restoreLayers();
    disposeOptimizer(optimizer);
  }
}
