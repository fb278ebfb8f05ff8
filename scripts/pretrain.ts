/**
 * npm run pretrain: trains the lecture's networks in Node (wasm + the project's training kernels) with
 * fixed seeds and writes recorded runs to static/pretrained/, which the notebooks replay so a lecture can
 * show trained models and curves at once. Same seed, same backend → the same run.
 *
 *   npx tsx scripts/pretrain.ts [name ...]     (default: all)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { decodeMnistBin, normalise, subset } from '../src/lib/data/mnist';
import { splitTrainTest } from '../src/lib/data/split';
import { inceptionNet, plainStack, residualNet, residualStack } from '../src/lib/nn/index';
import { registerWasmTrainingKernels } from '../src/lib/train/kernels/registerTrainingKernels';
import type { TrainOptions } from '../src/lib/train/protocol';
import { packWeights, type RecordedPoint, type TrainingRecord } from '../src/lib/train/recording';
import { evaluateAccuracy, trainModel, TrainingControl } from '../src/lib/train/trainer';
import { serializeWeights } from '../src/lib/train/weights';
import { buildMnist, defaultOutput } from './build-mnist';

tf.env().set('PROD', true);

/** A run to record. `steps` cuts the schedule short (the depth experiment uses a fixed step budget). */
interface Plan {
  model: string;
  build: () => tf.LayersModel;
  options: TrainOptions;
  steps?: number;
  saveWeights: boolean;
  /** evaluate on the first 2,000 training digits instead of the held-out ones (the depth experiment) */
  evaluateOnTrain?: boolean;
}

const lecture: TrainOptions = {
  optimizer: 'sgd',
  learningRate: 0.01,
  momentum: 0.9,
  batchSize: 64,
  epochs: 3,
  seed: 1
};
// "Deeper is not better" (lecture.md): SGD lr 0.05, momentum 0.9, batch 64, 400 steps, same seed for all.
const depth: TrainOptions = {
  optimizer: 'sgd',
  learningRate: 0.05,
  momentum: 0.9,
  batchSize: 64,
  epochs: 4,
  seed: 1
};

const plans: Record<string, Plan> = {
  inception: {
    model: 'inceptionNet({ seed: 1 })',
    build: () => inceptionNet({ seed: 1 }),
    options: lecture,
    saveWeights: true
  },
  residual: {
    model: 'residualNet({ seed: 1 })',
    build: () => residualNet({ seed: 1 }),
    options: lecture,
    saveWeights: true
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

async function record(name: string, plan: Plan, data: ReturnType<typeof splitTrainTest>) {
  const model = plan.build();
  const history: RecordedPoint[] = [];
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
        loss: p.loss,
        accuracy: p.runningAccuracy,
        testAccuracy: p.testAccuracy
      });
      speeds.push(p.samplesPerSec);
      if (plan.steps && p.step >= plan.steps) control.stop();
    },
    control
  );
  const seconds = (performance.now() - started) / 1000;
  const evaluatedOn = plan.evaluateOnTrain
    ? 'the first 2,000 training digits'
    : 'the 2,000 held-out test digits';
  const evalSet = plan.evaluateOnTrain
    ? subset(
        data.train,
        Array.from({ length: 2000 }, (_, i) => i)
      )
    : data.test;
  const testAccuracy = evaluateAccuracy(model, evalSet);
  const result: TrainingRecord = {
    name,
    model: plan.model,
    options: plan.options,
    history,
    testAccuracy,
    evaluatedOn,
    seconds: Math.round(seconds * 10) / 10,
    samplesPerSec: Math.round([...speeds].sort((a, b) => a - b)[Math.floor(speeds.length / 2)] ?? 0),
    backend: "wasm (Node) with the project's training kernels"
  };
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
      evaluatedOn,
      seconds: result.seconds,
      samplesPerSec: result.samplesPerSec
    })
  );
}

const wanted = process.argv.slice(2);
const names = wanted.length ? wanted : Object.keys(plans);
for (const name of names)
  if (!plans[name]) throw new Error(`No plan "${name}"; known: ${Object.keys(plans).join(', ')}`);

await tf.setBackend('wasm');
registerWasmTrainingKernels();
buildMnist();
const data = splitTrainTest(normalise(decodeMnistBin(readFileSync(defaultOutput))));
mkdirSync('static/pretrained', { recursive: true });
for (const name of names) await record(name, plans[name], data);
