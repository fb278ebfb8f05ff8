import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseBackend, type BackendChoice, type BackendOptions } from './backend';
import { measureBackends, type MeasureRequest } from './measureBackends';
import { defaultTrainOptions, type FromWorker } from './protocol';
import { buildResidualNet } from './testing/lectureNets';
import { syntheticDigits } from './testing/syntheticDigits';
import { createTrainingHost } from './trainingHost';
import { serializeWeights } from './weights';

function request(): MeasureRequest {
  const model = buildResidualNet(1);
  const message = {
    modelTopology: model.toJSON(null, false) as object,
    weights: serializeWeights(model),
    // Fewer digits than the timed steps need: they are cycled.
    data: { train: syntheticDigits(20, 1) },
    options: { ...defaultTrainOptions, batchSize: 8 },
    steps: 2
  };
  model.dispose();
  return message;
}

beforeAll(async () => {
  tf.env().set('PROD', true);
  await chooseBackend();
});

describe('measureBackends', () => {
  it('times wasm, skips a software GPU, and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const timed = await measureBackends(request(), chooseBackend, { webgpu: 'software', webgl: 'none' });
    expect(timed.skipped).toEqual([
      { backend: 'webgpu', why: 'software' },
      { backend: 'webgl', why: 'none' }
    ]);
    expect(timed.measurements).toHaveLength(1);
    expect(timed.measurements[0].backend).toBe('wasm');
    expect(timed.measurements[0].samplesPerSec).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('records a backend that cannot start as a failure instead of timing another one', async () => {
    // In Node there is no WebGPU: forcing it falls back to wasm, which must not be counted as webgpu.
    const timed = await measureBackends({ ...request(), allowSoftware: true }, chooseBackend, {
      webgpu: 'software',
      webgl: 'none'
    });
    expect(timed.measurements[0]).toMatchObject({ backend: 'webgpu', samplesPerSec: null });
    expect(timed.measurements[1].samplesPerSec).toBeGreaterThan(0);
  });
});

describe('a training host asked to measure', () => {
  it('posts the timings first, then trains on the fastest backend', async () => {
    const posted: FromWorker[] = [];
    const asked: (string | undefined)[] = [];
    const select = (options: BackendOptions = {}): Promise<BackendChoice> => {
      asked.push(options.preferred);
      return chooseBackend(options);
    };
    const host = createTrainingHost((m) => posted.push(m), select);
    const model = buildResidualNet(1);
    host.handle({
      type: 'start',
      modelTopology: model.toJSON(null, false) as object,
      weights: serializeWeights(model),
      data: { train: syntheticDigits(16, 1) },
      options: { ...defaultTrainOptions, batchSize: 8 },
      measure: {}
    });
    model.dispose();
    await host.idle();
    expect(posted[0].type).toBe('measured');
    expect(posted.slice(1).map((m) => m.type)).toEqual(['progress', 'progress', 'done']);
    // The measurement asked for wasm (no GPU in Node), and so did the training after it.
    expect(asked.at(-1)).toBe('wasm');
  });
});
