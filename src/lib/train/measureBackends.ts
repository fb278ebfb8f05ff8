/**
 * Times a few training steps of the reader's own model on every backend worth trying here (backendChoice.ts says
 * which), in the training worker, so the page can train on the fastest. Each backend gets the same weights and the
 * same batches; the first step is not timed (it compiles shaders and sets up buffers).
 */
import * as tf from '@tensorflow/tfjs';
import { chooseBackend, webglRenderer, type BackendName, type WasmPaths } from './backend';
import { backendsToMeasure, type Measurement, type Skipped } from './backendChoice';
import { classifyAdapter, classifyRenderer, webgpuAdapterInfo, type GpuKind } from './gpuAdapter';
import type { DataSlice, SerializedWeights, TrainData, TrainOptions } from './protocol';
import { trainModel } from './trainer';
import { applyWeights } from './weights';

export interface MeasureRequest {
  /** `model.toJSON(null, false)` of the model to time. */
  modelTopology: object;
  weights: SerializedWeights;
  data: TrainData;
  /** The run's options: its batch size and optimizer are timed. */
  options: TrainOptions;
  wasmPaths?: WasmPaths;
  wasmThreads?: number;
  /** Also time webgpu / webgl on a software adapter (tests; a software GPU is never the fastest for real). */
  allowSoftware?: boolean;
  /** Untimed steps first (default 1), then timed steps (default 3). */
  warmup?: number;
  steps?: number;
}

/** What kind of GPU each GPU backend would get here. */
export async function availableGpus(): Promise<{ webgpu: GpuKind; webgl: GpuKind }> {
  return { webgpu: classifyAdapter(await webgpuAdapterInfo()), webgl: classifyRenderer(webglRenderer()) };
}

/** `count` examples cycling through `data`, so a tiny training set still fills every timed batch. */
function cycled(data: DataSlice, count: number): DataSlice {
  const images = new Float32Array(count * 784);
  const labels = new Uint8Array(count);
  const n = data.labels.length;
  for (let i = 0; i < count; i++) {
    images.set(data.images.subarray((i % n) * 784, ((i % n) + 1) * 784), i * 784);
    labels[i] = data.labels[i % n];
  }
  return { images, labels };
}

async function timeOne(
  backend: BackendName,
  request: MeasureRequest,
  select: typeof chooseBackend
): Promise<Measurement> {
  const { warmup = 1, steps = 3, options } = request;
  const choice = await select({
    preferred: backend,
    wasmPaths: request.wasmPaths,
    wasmThreads: request.wasmThreads
  });
  if (choice.name !== backend) {
    const why = choice.skipped.find((s) => s.name === backend)?.why ?? `${choice.name} started instead`;
    return { backend, samplesPerSec: null, error: why };
  }
  let model: tf.LayersModel | null = null;
  try {
    model = await tf.models.modelFromJSON({ modelTopology: request.modelTopology } as tf.io.ModelJSON);
    applyWeights(model, request.weights);
    const batch = Math.min(options.batchSize, request.data.train.labels.length);
    const train = cycled(request.data.train, batch * (warmup + steps));
    let timedFrom = 0;
    let timedTo = 0;
    await trainModel(
      model,
      { train },
      { ...options, batchSize: batch, epochs: 1, schedule: undefined },
      (p) => {
        if (p.step === warmup) timedFrom = performance.now();
        if (p.step === warmup + steps) timedTo = performance.now();
      }
    );
    const samplesPerSec = (batch * steps * 1000) / (timedTo - timedFrom);
    return { backend, samplesPerSec: Math.round(samplesPerSec * 10) / 10 };
  } catch (error) {
    return { backend, samplesPerSec: null, error: error instanceof Error ? error.message : String(error) };
  } finally {
    model?.dispose();
  }
}

/** Times every backend worth trying; `select` is injectable for tests (the worker uses chooseBackend). */
export async function measureBackends(
  request: MeasureRequest,
  select: typeof chooseBackend = chooseBackend,
  gpus?: { webgpu: GpuKind; webgl: GpuKind }
): Promise<{ measurements: Measurement[]; skipped: Skipped[] }> {
  const { measure, skipped } = backendsToMeasure(gpus ?? (await availableGpus()), request.allowSoftware);
  const measurements: Measurement[] = [];
  for (const backend of measure) measurements.push(await timeOne(backend, request, select));
  return { measurements, skipped };
}
