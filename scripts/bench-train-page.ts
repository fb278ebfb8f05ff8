/**
 * Browser side of scripts/bench-train-chromium.ts (bundled by it): trains the lecture nets in the real training
 * worker through `train()`, and reports samples/s, the main thread's longest task and timer delay while training
 * runs, the tensors left in a worker after several trainings, and what the stock wasm backend does. Besides the
 * lecture's two nets it times lesson 03's depth-N stacks ("plainStack-20", "residualStack-56").
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { train, type WorkerLike } from '../src/lib/train/client';
import type { BackendName } from '../src/lib/train/backend';
import { defaultTrainOptions } from '../src/lib/train/protocol';
import { lectureNets } from '../src/lib/train/testing/lectureNets';
import { syntheticDigits } from '../src/lib/train/testing/syntheticDigits';
import { trainModel } from '../src/lib/train/trainer';
import { classifyAdapter, describeAdapter, webgpuAdapterInfo } from '../src/lib/train/gpuAdapter';
import { plainStack, residualStack } from '../src/lib/nn/nets';

type Net = keyof typeof lectureNets;
/** A lecture net, or a stack as `${'plainStack' | 'residualStack'}-${depth}`. */
type AnyNet = Net | `${'plainStack' | 'residualStack'}-${number}`;

function buildNet(net: AnyNet): tf.LayersModel {
  if (net in lectureNets) return lectureNets[net as Net](1);
  const [kind, depth] = net.split('-');
  return (kind === 'plainStack' ? plainStack : residualStack)(Number(depth), { seed: 1 });
}

/** The WebGPU adapter this browser offers, and whether it is a real GPU (a software one's speed means nothing). */
async function gpuAdapter() {
  const info = await webgpuAdapterInfo();
  return info && { kind: classifyAdapter(info), description: describeAdapter(info) };
}

interface BenchRequest {
  net: AnyNet;
  /** Examples per step (default 64). */
  batch?: number;
  warmup: number;
  steps: number;
  /** Force a backend in the worker (default: the automatic choice). */
  backend?: BackendName;
  /** Threads for wasm when the page is cross-origin isolated (default: the project's choice). */
  wasmThreads?: number;
}

const defaultBatch = 64;
const config = {
  createWorker: () => new Worker('/worker.js', { type: 'module' }) as never,
  wasmPaths: '/wasm/'
};

/** Collects the main thread's long tasks (over 50 ms, as the browser defines them) until `stop()`. */
function watchLongTasks() {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  return {
    stop() {
      for (const entry of observer.takeRecords()) durations.push(entry.duration);
      observer.disconnect();
      return { longestTaskMs: Math.round(Math.max(0, ...durations)), longTasks: durations.length };
    }
  };
}

async function benchOne({
  net,
  batch = defaultBatch,
  warmup,
  steps,
  backend: preferred,
  wasmThreads
}: BenchRequest) {
  await tf.setBackend('cpu'); // the page only builds the model; training happens in the worker
  const model = buildNet(net);
  const data = { train: syntheticDigits(batch * (warmup + steps), 1) };
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
  const longTasks = watchLongTasks();
  const started = performance.now();
  const options = { batchSize: batch, epochs: 1, ...(preferred && { backend: preferred }) };
  for await (const p of train(model, data, options, { ...config, wasmThreads })) {
    if (p.step >= warmup) times.push(performance.now());
    backend = p.backend;
    backendInfo = p.backendInfo ?? '';
  }
  clearInterval(timer);
  model.dispose();
  const samplesPerSec = (batch * (times.length - 1) * 1000) / (times[times.length - 1] - times[0]);
  return {
    net,
    batch,
    backend,
    backendInfo,
    // wasm's label is built from tfjs's getThreadsCount(), the threads XNNPACK really uses; null for webgl.
    threads: Number(/(\d+) threads?\b/.exec(backendInfo)?.[1]) || null,
    samplesPerSec: Math.round(samplesPerSec * 10) / 10,
    steps,
    ...longTasks.stop(),
    longestTimerGapMs: Math.round(longestGap),
    startupMs: Math.round(times[0] - started),
    crossOriginIsolated: globalThis.crossOriginIsolated === true
  };
}

/**
 * Tensors alive in one worker before and after 5 trainings of 3 epochs (alternating nets, with test accuracy at each
 * epoch end). The first training is a warm-up: tfjs keeps a few tensors it makes on first use.
 */
async function tensorsAfterRestarts() {
  await tf.setBackend('cpu');
  const worker = new Worker('/bench-worker.js', { type: 'module' });
  // train() terminates its worker when done; this view of the one worker ignores that, so the next run reuses it.
  const shared: WorkerLike = {
    postMessage: (message, transfer) => worker.postMessage(message, transfer ?? []),
    terminate: () => {},
    set onmessage(handler) {
      worker.onmessage = handler as never;
    },
    get onmessage() {
      return worker.onmessage as never;
    },
    onerror: null
  };
  const numTensors = () =>
    new Promise<number>((resolve) => {
      worker.onmessage = (event) => resolve(event.data.numTensors);
      worker.postMessage({ type: 'memory' });
    });
  const batch = defaultBatch;
  const data = { train: syntheticDigits(batch * 4, 2), test: syntheticDigits(100, 3) };
  const run = async (net: Net, epochs: number, seed: number) => {
    const model = lectureNets[net](seed);
    const options = { batchSize: batch, epochs, seed };
    for await (const p of train(model, data, options, { ...config, createWorker: () => shared })) void p;
    model.dispose();
  };
  await run('residual', 1, 1);
  const before = await numTensors();
  for (let i = 0; i < 5; i++) await run(i % 2 ? 'inception' : 'residual', 3, i + 2);
  const after = await numTensors();
  worker.terminate();
  return { before, after, epochs: 3, restarts: 5 };
}

/** One training step with the stock wasm kernels, on the main thread: stock tfjs 4.22 cannot train these nets. */
async function stockWasm(net: Net) {
  setWasmPaths('/wasm/');
  if (!(await tf.setBackend('wasm'))) return { samplesPerSec: null, error: "tf.setBackend('wasm') failed" };
  const model = lectureNets[net](1);
  const batch = defaultBatch;
  const data = { train: syntheticDigits(batch * 2, 1) };
  const started = performance.now();
  try {
    await trainModel(model, data, { ...defaultTrainOptions, batchSize: batch }, () => {});
    const ms = performance.now() - started;
    return { samplesPerSec: Math.round(((2 * batch * 1000) / ms) * 10) / 10 };
  } catch (error) {
    return { samplesPerSec: null, error: (error as Error).message };
  } finally {
    model.dispose();
  }
}

Object.assign(globalThis, { runBench: benchOne, tensorsAfterRestarts, stockWasm, gpuAdapter });
