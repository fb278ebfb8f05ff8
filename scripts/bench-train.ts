/**
 * Training speed of the lecture's two nets in Node, batch 64: wasm and cpu, each with the stock tfjs kernels and
 * with the project's (src/lib/train/kernels). Prints one JSON object per line (contract 5), then a line with the
 * tensor count before and after 5 restarts of 3 short epochs. Synthetic seeded data; takes about 1.5 minutes.
 *
 *   npx tsx scripts/bench-train.ts
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { loadDirectConv } from '../src/lib/train/kernels/directConv';
import {
  registerCpuTrainingKernels,
  registerWasmTrainingKernels,
  unregisterTrainingKernels
} from '../src/lib/train/kernels/registerTrainingKernels';
import { defaultTrainOptions } from '../src/lib/train/protocol';
import { lectureNets } from '../src/lib/train/testing/lectureNets';
import { syntheticDigits } from '../src/lib/train/testing/syntheticDigits';
import { trainModel } from '../src/lib/train/trainer';

tf.env().set('PROD', true); // no "install tfjs-node" banner
const batch = 64;
type Net = keyof typeof lectureNets;
type Backend = 'wasm' | 'cpu';

function print(record: object): void {
  console.log(JSON.stringify(record));
}

/** Samples/s of the real training loop over `steps` timed steps after `warmup` untimed ones. */
async function samplesPerSec(net: Net, warmup: number, steps: number, size: number): Promise<number> {
  const model = lectureNets[net](1);
  const data = { train: syntheticDigits(size * (warmup + steps), 1) };
  const times: number[] = [performance.now()];
  await trainModel(model, data, { ...defaultTrainOptions, batchSize: size }, () =>
    times.push(performance.now())
  );
  model.dispose();
  const timed = times.slice(warmup);
  return (size * (timed.length - 1) * 1000) / (timed[timed.length - 1] - timed[0]);
}

/**
 * Prints the samples/s of one net on one backend. A `measuredBatch` below 64 is only used for the stock cpu kernel,
 * whose cost per example does not depend on the batch size, to keep the bench short.
 */
async function measure(
  net: Net,
  backend: Backend,
  kernels: 'stock' | 'project',
  warmup: number,
  steps: number,
  measuredBatch = batch
) {
  if (!(await tf.setBackend(backend))) throw new Error(`tf.setBackend('${backend}') failed`);
  if (kernels === 'project') {
    if (backend === 'wasm') {
      const failure = await loadDirectConv();
      if (failure) throw new Error(`the direct SIMD kernel did not load: ${failure}`);
      registerWasmTrainingKernels();
    } else registerCpuTrainingKernels();
  } else {
    unregisterTrainingKernels(backend);
  }
  const record = {
    net,
    backend,
    kernels,
    where: 'node',
    batch,
    steps,
    ...(measuredBatch !== batch && { measuredBatch })
  };
  try {
    const value = await samplesPerSec(net, warmup, steps, measuredBatch);
    print({ ...record, samplesPerSec: Math.round(value * 10) / 10 });
  } catch (error) {
    print({ ...record, samplesPerSec: null, error: (error as Error).message });
  }
}

async function memoryAfterRestarts() {
  await tf.setBackend('wasm');
  registerWasmTrainingKernels();
  const data = { train: syntheticDigits(batch * 3, 2), test: syntheticDigits(100, 3) };
  const run = async (net: Net, seed: number) => {
    const model = lectureNets[net](seed);
    await trainModel(model, data, { ...defaultTrainOptions, batchSize: batch, epochs: 3, seed }, () => {});
    model.dispose();
  };
  await run('residual', 1); // warm-up: tfjs caches a few tensors on first use
  const before = tf.memory().numTensors;
  for (let i = 0; i < 5; i++) await run(i % 2 ? 'inception' : 'residual', i);
  print({
    figure: 'tensors after 3 epochs and 5 restarts',
    net: 'residual, inception (alternating)',
    backend: 'wasm',
    kernels: 'project',
    where: 'node',
    batch,
    samplesPerSec: null,
    epochs: 3,
    restarts: 5,
    before,
    after: tf.memory().numTensors
  });
}

async function main() {
  // First, before a failing stock run leaves tensors behind.
  await memoryAfterRestarts();
  for (const net of ['inception', 'residual'] as const) {
    await measure(net, 'wasm', 'stock', 0, 1);
    await measure(net, 'wasm', 'project', 3, net === 'inception' ? 30 : 60);
    await measure(net, 'cpu', 'project', 1, 2);
    // The stock cpu kernel needs about 100 s per Inception batch of 64: time one step of 16 examples.
    await measure(net, 'cpu', 'stock', 0, 1, 16);
  }
}

main();
