/**
 * npm run check:pytorch — the export to PyTorch, checked against real PyTorch (not part of npm test).
 *
 * Builds the lecture's nets and a few edited ones with the builders, trains some briefly (so weights, BatchNorm
 * statistics and the flatten order all matter), writes each one's pytorchCode() and pytorchWeights() and its tfjs
 * logits on fixed inputs, then runs scripts/pytorch/check_export.py with /usr/bin/python3, which loads every model
 * through its generated code and compares logits (max abs difference ≤ 1e-4) and parameter counts. Installs
 * nothing: without PyTorch it says how to get it.
 *
 *   npx tsx scripts/check-pytorch.ts [output dir]   (default: a fresh temporary directory)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { decodeMnistBin, normalise } from '../src/lib/data/mnist';
import {
  analyseModel,
  buildModel,
  cat,
  Conv2d,
  flatten,
  InceptionA,
  input,
  inceptionNet,
  Linear,
  MaxPool2d,
  relu,
  residualNet,
  residualStack,
  simpleCnn
} from '../src/lib/nn/index';
import { pytorchCode, pytorchWeights } from '../src/lib/pytorch/index';
import { registerWasmTrainingKernels } from '../src/lib/train/kernels/registerTrainingKernels';
import { buildMnist, defaultOutput } from './build-mnist';

const python = process.env.PYTHON ?? '/usr/bin/python3';
const probe = spawnSync(python, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
if (probe.status !== 0) {
  console.error(
    `check:pytorch needs PyTorch for ${python}, which it does not have (${(probe.stderr || probe.error?.message || '').trim().split('\n').at(-1)}).\n` +
      'Install it once, e.g. on Debian/Ubuntu: sudo apt-get install python3-torch (or: pip install torch),\n' +
      'or point PYTHON at an interpreter that has it. This check installs nothing itself.'
  );
  process.exit(2);
}

/** The lecture's Inception net with one branch widened to 32 channels (fc follows: 96·4·4 = 1536). */
function editedInception(): tf.LayersModel {
  const wide = { branch5x5_2: 32 };
  const self = {
    conv1: Conv2d(1, 10, 5, { name: 'conv1' }),
    conv2: Conv2d(96, 20, 5, { name: 'conv2' }),
    incep1: InceptionA(10, { name: 'incep1', widths: wide }),
    incep2: InceptionA(20, { name: 'incep2', widths: wide }),
    mp: MaxPool2d(2, { name: 'mp' }),
    fc: Linear(1536, 10, { name: 'fc' })
  };
  const x0 = input([1, 28, 28], { seed: 3 });
  let x = relu(self.mp(self.conv1(x0)));
  x = self.incep1(x);
  x = relu(self.mp(self.conv2(x)));
  x = self.incep2(x);
  x = self.fc(flatten(x));
  return buildModel(x0, x, { name: 'editedInception' });
}

/** A reader's own net: two parallel branches without a block, and flatten({ torchOrder: true }). */
function ownNet(): tf.LayersModel {
  const x0 = input([1, 28, 28], { seed: 5 });
  const x = relu(MaxPool2d(2, { name: 'mp' })(Conv2d(1, 8, 3, { padding: 1, name: 'stem' })(x0)));
  const a = Conv2d(8, 6, 1, { name: 'left' })(x);
  const b = Conv2d(8, 6, 3, { padding: 1, name: 'right' })(x);
  const y = MaxPool2d(2, { name: 'mp2' })(relu(cat([a, b], { name: 'join' })));
  return buildModel(x0, Linear(12 * 7 * 7, 10, { name: 'fc' })(flatten(y, { torchOrder: true })), {
    name: 'ownNet'
  });
}

interface Case {
  name: string;
  build: () => tf.LayersModel;
  trainSteps: number;
  lecture?: string;
}
const cases: Case[] = [
  { name: 'simpleCnn', build: () => simpleCnn({ seed: 1 }), trainSteps: 0, lecture: 'simple' },
  { name: 'inceptionNet', build: () => inceptionNet({ seed: 1 }), trainSteps: 0, lecture: 'inception' },
  { name: 'residualNet', build: () => residualNet({ seed: 1 }), trainSteps: 0, lecture: 'residual' },
  {
    name: 'inceptionNet_trained',
    build: () => inceptionNet({ seed: 2 }),
    trainSteps: 4,
    lecture: 'inception'
  },
  { name: 'editedInception_trained', build: editedInception, trainSteps: 4 },
  { name: 'residualStack8_trained', build: () => residualStack(8, { seed: 4 }), trainSteps: 4 },
  { name: 'ownNet_trained', build: ownNet, trainSteps: 4 }
];

async function main() {
  // The wasm backend with the project's training kernels, as npm run pretrain trains.
  await tf.setBackend('wasm');
  registerWasmTrainingKernels();
  buildMnist();
  const digits = normalise(decodeMnistBin(readFileSync(defaultOutput)));
  const batch = 16;
  const images = (from: number, n: number) =>
    tf.tensor4d(digits.images.slice(from * 784, (from + n) * 784), [n, 28, 28, 1]);
  const labels = (from: number, n: number) =>
    tf.oneHot(tf.tensor1d(Array.from(digits.labels.slice(from, from + n)), 'int32'), 10);
  const dir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'check-pytorch-'));
  mkdirSync(dir, { recursive: true });
  const manifest: Record<string, unknown> = {};

  for (const c of cases) {
    const model = c.build();
    if (c.trainSteps) {
      // A few SGD steps on real digits: the weights and BatchNorm's running statistics move off their start.
      const optimizer = tf.train.momentum(0.05, 0.9);
      for (let step = 0; step < c.trainSteps; step++) {
        const [x, y] = [images(step * batch, batch), labels(step * batch, batch)];
        optimizer.minimize(
          () => tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: true }) as tf.Tensor) as tf.Scalar
        );
        tf.dispose([x, y]);
      }
      // apply({ training: true }) leaves BatchNorm's moving statistics alone; a short fit updates them as training does.
      model.compile({
        optimizer: tf.train.sgd(0.01),
        loss: (yt: tf.Tensor, yp: tf.Tensor) => tf.losses.softmaxCrossEntropy(yt, yp)
      });
      const [x, y] = [images(4000, 32), labels(4000, 32)];
      await model.fit(x, y, { batchSize: 16, epochs: 1, verbose: 0 });
      tf.dispose([x, y]);
    }
    const n = 8;
    const x = images(9000, n);
    const logits = model.predict(x) as tf.Tensor;
    const nchw = x.transpose([0, 3, 1, 2]);
    writeFileSync(join(dir, `${c.name}.py`), pytorchCode(model));
    writeFileSync(join(dir, `${c.name}.safetensors`), pytorchWeights(model));
    writeFileSync(join(dir, `${c.name}.input.bin`), new Uint8Array((nchw.dataSync() as Float32Array).buffer));
    manifest[c.name] = {
      batch: n,
      inputShape: [1, 28, 28],
      logits: logits.arraySync(),
      params: analyseModel(model).totals.params,
      lecture: c.lecture
    };
    tf.dispose([x, logits, nchw]);
    model.dispose();
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  console.log(`exported ${cases.length} models to ${dir}`);
  const run = spawnSync(python, [join(import.meta.dirname, 'pytorch', 'check_export.py'), dir], {
    stdio: 'inherit'
  });
  process.exit(run.status ?? 1);
}

void main();
