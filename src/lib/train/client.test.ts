import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseBackend } from './backend';
import { train, type WorkerLike } from './client';
import { word, WordedError, type Wording } from '../i18n/worded';
import { zh } from '../i18n/zh';
import type { Progress } from './protocol';
import { InProcessWorker } from './testing/inProcessWorker';
import { buildInceptionNet, buildResidualNet } from './testing/lectureNets';
import { syntheticDigits } from './testing/syntheticDigits';

const data = { train: syntheticDigits(128, 1), test: syntheticDigits(64, 2) };
const options = { batchSize: 32, epochs: 1, learningRate: 0.05 };

/** Runs `train` with an in-process worker and remembers the worker. */
function trainInProcess(model: tf.LayersModel, opts = options) {
  const workers: InProcessWorker[] = [];
  const run = train(model, data, opts, {
    createWorker: () => workers[workers.push(new InProcessWorker()) - 1]
  });
  return { run, worker: () => workers[0] };
}

const firstKernel = (model: tf.LayersModel) => Array.from(model.getWeights()[0].dataSync().slice(0, 5));

beforeAll(async () => {
  tf.env().set('PROD', true);
  await chooseBackend();
});

describe('train', () => {
  it('yields progress for every step and sets the trained weights on the model', async () => {
    const model = buildResidualNet(1);
    const before = firstKernel(model);
    const seen: Progress[] = [];
    for await (const p of trainInProcess(model).run) seen.push(p);
    expect(seen.map((p) => p.step)).toEqual([1, 2, 3, 4]);
    expect(seen[3].testAccuracy).toBeDefined();
    expect(firstKernel(model)).not.toEqual(before);
    model.dispose();
  });

  it('stop() ends after the current batch and still returns the weights', async () => {
    const model = buildResidualNet(1);
    const before = firstKernel(model);
    const { run, worker } = trainInProcess(model, { ...options, epochs: 5 });
    const steps: number[] = [];
    let stepsDoneAtStop = 0;
    for await (const p of run) {
      steps.push(p.step);
      if (p.step === 2) {
        run.stop();
        stepsDoneAtStop = worker().posted.filter((m) => m.type === 'progress').length;
      }
    }
    // The worker may run ahead of the page, but finishes at most the batch it is in when the stop arrives.
    expect(steps.at(-1)).toBeLessThanOrEqual(stepsDoneAtStop + 1);
    expect(steps.length).toBeLessThan(20);
    expect(firstKernel(model)).not.toEqual(before);
    model.dispose();
  });

  it('leaving the loop early (the cell re-runs) terminates the worker and keeps the old weights', async () => {
    const model = buildResidualNet(1);
    const before = firstKernel(model);
    const { run, worker } = trainInProcess(model, { ...options, epochs: 5 });
    for await (const p of run) if (p.step === 1) break;
    expect(worker().terminated).toBe(true);
    await worker().host.idle();
    expect(firstKernel(model)).toEqual(before);
    model.dispose();
  });

  it('pause(), resume() and setLearningRate() reach the worker', async () => {
    const model = buildResidualNet(1);
    const { run, worker } = trainInProcess(model);
    for await (const p of run) {
      if (p.step === 1) {
        run.pause();
        run.setLearningRate(0.01);
        setTimeout(() => run.resume(), 50);
      }
    }
    expect(worker().sent.map((m) => m.type)).toEqual(['start', 'pause', 'setLearningRate', 'resume']);
    model.dispose();
  });

  it('throws before starting a worker when the options are bad', () => {
    const model = buildResidualNet(1);
    let created = 0;
    const factory = () => (created++, new InProcessWorker());
    expect(() => train(model, data, { learningRate: -1 }, { createWorker: factory })).toThrow(
      'Cannot train: learningRate must be greater than 0, got -1.'
    );
    expect(() => train(model, data, { batchSize: 1000 }, { createWorker: factory })).toThrow(
      'Cannot train: batchSize 1000 is larger than the 128 training examples.'
    );
    expect(created).toBe(0);
    model.dispose();
  });

  it('throws when the model does not output 10 classes', () => {
    const input = tf.input({ shape: [28, 28, 1] });
    const out = tf.layers.dense({ units: 3 }).apply(tf.layers.flatten().apply(input)) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: out });
    expect(() => train(model, data, options, { createWorker: () => new InProcessWorker() })).toThrow(
      "Cannot train: The model's output must have shape [batch, 10] (one score per digit), got [null, 3]."
    );
    model.dispose();
  });

  it('surfaces an error from the worker as a thrown error and ends the run', async () => {
    const model = buildResidualNet(1);
    // A worker that receives no weights, as if the page sent a broken start message.
    const brokenWorker = () => {
      const worker = new InProcessWorker();
      const post = worker.postMessage.bind(worker);
      worker.postMessage = (m) =>
        post(m.type === 'start' ? { ...m, weights: { specs: [], buffers: [] } } : m);
      return worker;
    };
    const run = train(model, data, options, { createWorker: brokenWorker });
    const consume = async () => {
      for await (const _ of run) void _;
    };
    await expect(consume()).rejects.toThrow('The model has 14 weight tensors but 0 were given.');
    model.dispose();
  });

  it('words again on the page an error the worker sent as a key and parameters', async () => {
    const model = buildResidualNet(1);
    const wording: Wording = { key: 'lossDiverged', params: { loss: NaN, step: 3, learningRate: 5 } };
    const fake: WorkerLike = {
      onmessage: null,
      onerror: null,
      terminate() {},
      postMessage(message) {
        if (message.type !== 'start') return;
        const data = { type: 'error' as const, message: word(wording), wording };
        queueMicrotask(() => fake.onmessage?.({ data }));
      }
    };
    const error = await train(model, data, options, { createWorker: () => fake })
      .next()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WordedError);
    expect((error as Error).message).toBe(
      'The loss became NaN at step 3 (learning rate 5): training diverged and was stopped. ' +
        'Try a smaller learning rate, e.g. 0.5.'
    );
    expect(word((error as WordedError).wording, zh)).toBe(
      '第 3 步时损失变成了 NaN（学习率 5）：训练发散，已停止。试试更小的学习率，比如 0.5。'
    );
    model.dispose();
  });

  it('runs plain and residual trainings one after another without leaking tensors', async () => {
    const once = async (build: () => tf.LayersModel) => {
      const model = build();
      const { run, worker } = trainInProcess(model, { ...options, batchSize: 64 });
      for await (const _ of run) void _;
      await worker().host.idle();
      model.dispose();
    };
    await once(() => buildResidualNet(1)); // warm-up
    const before = tf.memory().numTensors;
    for (const build of [() => buildInceptionNet(1), () => buildResidualNet(2), () => buildInceptionNet(3)]) {
      await once(build);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
