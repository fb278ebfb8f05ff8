/**
 * Browser side of scripts/bench-train-chromium.ts (bundled by it): trains each lecture net in the real training
 * worker through `train()` and reports samples/s and the longest main-thread timer delay while training runs.
 */
import * as tf from '@tensorflow/tfjs';
import { train } from '../src/lib/train/client';
import { lectureNets } from '../src/lib/train/testing/lectureNets';
import { syntheticDigits } from '../src/lib/train/testing/syntheticDigits';

interface BenchRequest {
  net: keyof typeof lectureNets;
  warmup: number;
  steps: number;
}

async function benchOne({ net, warmup, steps }: BenchRequest) {
  await tf.setBackend('cpu'); // the page only builds the model; training happens in the worker
  const model = lectureNets[net](1);
  const data = { train: syntheticDigits(64 * (warmup + steps), 1) };
  const times: number[] = [];
  let backend = '';
  let backendInfo = '';
  // A 5 ms timer on the main thread: if training blocked the page, its callbacks would come late.
  let last = performance.now();
  let longestGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  for await (const p of train(
    model,
    data,
    { batchSize: 64, epochs: 1 },
    {
      createWorker: () => new Worker('/worker.js', { type: 'module' }) as never,
      wasmPaths: '/wasm/'
    }
  )) {
    if (p.step === warmup) times.push(performance.now());
    if (p.step > warmup) times.push(performance.now());
    backend = p.backend;
    backendInfo = p.backendInfo ?? '';
  }
  clearInterval(timer);
  model.dispose();
  const samplesPerSec = (64 * (times.length - 1) * 1000) / (times[times.length - 1] - times[0]);
  return {
    net,
    backend,
    backendInfo,
    samplesPerSec: Math.round(samplesPerSec * 10) / 10,
    steps,
    longestTimerGapMs: Math.round(longestGap),
    startupMs: Math.round(times[0] - started),
    crossOriginIsolated: globalThis.crossOriginIsolated === true
  };
}

(globalThis as { runBench?: typeof benchOne }).runBench = benchOne;
