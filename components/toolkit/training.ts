/**
 * The `train` builtin: trains a model in a Web Worker (src/lib/train/client.ts) and streams snapshots a
 * cell can show. Each snapshot is the latest progress plus the history so far (for `trainingChart`) and
 * the run itself (for Stop / Pause buttons), because a cell that declares `const progress = train(…)`
 * sees only the yielded values, never the run object.
 */
import { asset } from '$app/paths';
import type * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../../src/lib/train/backend';
import {
  deviceSignature,
  loadChoice,
  measuredChoice,
  readerChoice,
  saveChoice,
  type KeyValueStore,
  type RememberedChoice
} from '../../src/lib/train/backendChoice';
import { train as trainInWorker, type TrainingRun } from '../../src/lib/train/client';
import {
  defaultTrainOptions,
  type Progress,
  type TrainData,
  type TrainOptions
} from '../../src/lib/train/protocol';
import { unpackWeights, type RecordedEpoch, type TrainingRecord } from '../../src/lib/train/recording';
import { applyWeights } from '../../src/lib/train/weights';
import { wasmPaths } from '../../src/runtime/wasm-paths';
import { toolkitWords } from './mount';

/** One point of a training curve. */
export interface TrainingPoint {
  /** batches done */
  step: number;
  /** batch loss */
  loss: number;
  /** running training accuracy in the epoch, 0–1 */
  accuracy: number;
  /** test accuracy, 0–1, at the end of an epoch */
  testAccuracy?: number;
}

/** What a training cell yields. */
export interface TrainingSnapshot extends Progress {
  /** every step so far */
  history: TrainingPoint[];
  /** the live run, for stop(), pause(), resume(), setLearningRate(); absent for a replay */
  run?: TrainingRun;
  /** true on the last snapshot, once the trained (or recorded) weights are in the model */
  finished?: boolean;
  /** for a replay: the recorded run (schedule, timing, where it ran) */
  recorded?: TrainingRecord;
  /** steps the whole schedule has (epochs × steps per epoch) */
  totalSteps: number;
  /** every completed epoch so far: test accuracy and mean training loss */
  epochs: RecordedEpoch[];
  /** true on the last snapshot when the run was stopped before its last step */
  stopped?: boolean;
  /** seconds still to go at the measured speed (test evaluations included roughly), for a live run */
  etaSeconds?: number;
  /** the schedule this run follows */
  options: TrainOptions;
  /** the backends timed on this device and the one in use, with a way to switch (absent when a cell forced one) */
  backendChoice?: BackendSwitch;
}

/** What the status line needs to show the timings and let the reader switch backend. */
export interface BackendSwitch {
  choice: RememberedChoice;
  /** Remembers the reader's pick for this device; it takes effect from the next run. */
  switchTo(backend: BackendName): void;
}

/** localStorage, or null where the page may not use it (sandboxed frames, some private modes). */
function deviceStore(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * The backend to train on: the one remembered for this device, or, on first use, none yet — then the worker times
 * each backend first (src/lib/train/measureBackends.ts) and `onMeasured` remembers the fastest.
 */
function backendSwitch(forced: BackendName | undefined) {
  const store = deviceStore();
  const device = deviceSignature(navigator.userAgent, navigator.hardwareConcurrency ?? 1);
  const state: { current?: BackendSwitch } = {};
  const remember = (choice: RememberedChoice) => {
    if (store) saveChoice(store, choice);
    state.current = {
      choice,
      switchTo: (backend) => remember(readerChoice(choice, backend))
    };
  };
  const remembered = forced || !store ? null : loadChoice(store, device);
  if (remembered) remember(remembered);
  return {
    state,
    backend: forced ?? remembered?.backend,
    measure: forced || remembered ? undefined : {},
    onMeasured: ({ measurements, skipped }: Pick<RememberedChoice, 'measurements' | 'skipped'>) =>
      remember(measuredChoice(device, measurements, skipped))
  };
}

/** Seconds left: the remaining examples at the measured speed, plus a test pass per remaining epoch (≈ 1/3 of a training pass per example). */
export function etaSeconds(
  p: Progress,
  totalSteps: number,
  options: TrainOptions,
  testCount: number
): number | undefined {
  if (!(p.samplesPerSec > 0)) return undefined;
  const remainingSteps = Math.max(0, totalSteps - p.step);
  const remainingEpochs = Math.ceil(remainingSteps / p.stepsPerEpoch);
  const examples = remainingSteps * options.batchSize + (remainingEpochs * testCount) / 3;
  return examples / p.samplesPerSec;
}

export async function* train(
  model: tf.LayersModel,
  data: TrainData,
  options: Partial<TrainOptions> = {}
): AsyncGenerator<TrainingSnapshot> {
  const chooser = backendSwitch(options.backend);
  const chosen = chooser.backend ? { ...options, backend: chooser.backend } : options;
  const run = trainInWorker(model, data, chosen, {
    wasmPaths: wasmPaths(),
    measure: chooser.measure,
    onMeasured: chooser.onMeasured
  });
  const full: TrainOptions = { ...defaultTrainOptions, ...chosen };
  const history: TrainingPoint[] = [];
  const epochs: RecordedEpoch[] = [];
  const testCount = data.test?.labels.length ?? 0;
  let last: TrainingSnapshot | null = null;
  try {
    for await (const progress of run) {
      history.push({
        step: progress.step,
        loss: progress.loss,
        accuracy: progress.runningAccuracy,
        testAccuracy: progress.testAccuracy
      });
      if (progress.testAccuracy !== undefined) {
        epochs.push({
          epoch: progress.epoch,
          testAccuracy: progress.testAccuracy,
          trainLoss: progress.epochLoss
        });
      }
      const totalSteps = progress.stepsPerEpoch * full.epochs;
      last = {
        ...progress,
        history,
        epochs,
        run,
        totalSteps,
        options: full,
        etaSeconds: etaSeconds(progress, totalSteps, full, testCount),
        backendChoice: chooser.state.current
      };
      yield last;
    }
    // The run has ended and set the trained weights on the model: say so, so cells that use the model
    // (and read `progress.finished`) run now with the trained weights. A stopped run says so too.
    if (last) yield { ...last, finished: true, stopped: run.stopped, etaSeconds: 0 };
  } finally {
    await run.return(); // the cell re-ran or was deleted: end the worker now
  }
}

/**
 * `replay(name, model?)`: a recorded run from static/pretrained/ (made by `npm run pretrain`), streamed in
 * the same shape as `train`, so one chart cell shows either. With a model, the recorded weights are loaded
 * into it, so the cells after it see a trained network at once.
 */
export async function* replay(name: string, model?: tf.LayersModel): AsyncGenerator<TrainingSnapshot> {
  const response = await fetch(asset(`/pretrained/${name}.json`));
  if (!response.ok) {
    throw new Error(`There is no recorded run called "${name}" (run \`npm run pretrain\` to make them).`);
  }
  const record = (await response.json()) as TrainingRecord;
  if (model && record.weights) {
    const bytes = await (await fetch(asset(`/pretrained/${record.weights.file}`))).arrayBuffer();
    try {
      applyWeights(model, {
        specs: record.weights.specs,
        buffers: unpackWeights(bytes, record.weights.specs)
      });
    } catch (error) {
      throw new Error(
        `The recorded weights of "${name}" do not fit this model (${(error as Error).message}) — ` +
          'it was probably edited. Train it live instead.'
      );
    }
  }
  yield snapshotOf(record);
}

/** A recording as the last snapshot of its run, in the shape `train` yields (for charts and trainingStatus). */
export function snapshotOf(record: TrainingRecord): TrainingSnapshot {
  const last = record.history[record.history.length - 1];
  const steps = record.history.length;
  const epochs =
    record.epochs ??
    record.history
      .filter((p) => p.testAccuracy !== undefined)
      .map((p) => ({ epoch: p.epoch, testAccuracy: p.testAccuracy!, trainLoss: NaN }));
  return {
    step: last.step,
    epoch: last.epoch,
    stepsPerEpoch: Math.ceil(steps / Math.max(1, last.epoch)),
    totalSteps: steps,
    epochs,
    options: record.options,
    loss: last.loss,
    batchAccuracy: last.accuracy,
    runningAccuracy: last.accuracy,
    epochLoss: epochs.at(-1)?.trainLoss ?? last.loss,
    learningRate: record.options.learningRate,
    testAccuracy: record.testAccuracy,
    samplesPerSec: record.samplesPerSec,
    backend: 'recorded',
    backendInfo: toolkitWords().training.recordedOn({ backend: record.backend, seconds: record.seconds }),
    history: record.history,
    recorded: record,
    finished: true
  };
}

/**
 * `recordedRun(name, {optional})`: a file of static/pretrained/ as JSON — a recording (history, epochs,
 * confusion, misread digits) or e.g. "pytorch-lecture", PyTorch's per-epoch results. With `optional: true`
 * a run not recorded yet gives null instead of an error.
 */
export async function recordedRun(name: string, options: { optional?: boolean } = {}): Promise<unknown> {
  // Offline, a run the site does not ship fails to fetch rather than giving 404 (the service worker has no copy).
  const response = await fetch(asset(`/pretrained/${name}.json`)).catch((error: unknown) => {
    if (options.optional) return null;
    throw error;
  });
  if (response === null || (response.status === 404 && options.optional)) return null;
  if (!response.ok) {
    throw new Error(`There is no recorded run called "${name}" (run \`npm run pretrain\` to make them).`);
  }
  return response.json();
}
