import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseBackend } from './backend';
import { defaultTrainOptions, type Progress, type TrainOptions } from './protocol';
import { buildResidualNet } from './testing/lectureNets';
import { syntheticDigits } from './testing/syntheticDigits';
import { TrainingControl, trainModel } from './trainer';

const data = { train: syntheticDigits(256, 1), test: syntheticDigits(100, 2) };
const options: TrainOptions = { ...defaultTrainOptions, batchSize: 32, epochs: 1, learningRate: 0.05 };

async function losses(seed: number, opts: Partial<TrainOptions> = {}, control?: TrainingControl) {
  const model = buildResidualNet(seed);
  const seen: Progress[] = [];
  const result = await trainModel(model, data, { ...options, seed, ...opts }, (p) => seen.push(p), control);
  model.dispose();
  return { result, progress: seen, losses: seen.map((p) => p.loss) };
}

beforeAll(async () => {
  tf.env().set('PROD', true);
  await chooseBackend();
});

describe('trainModel', () => {
  it('reports every step with loss, accuracies, speed and, at the epoch end, test accuracy', async () => {
    const { progress, result } = await losses(1, { epochs: 2 });
    expect(result).toEqual({ stopped: false, steps: 16 });
    expect(progress.map((p) => p.step)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(progress[7]).toMatchObject({ epoch: 1, stepsPerEpoch: 8, backend: 'wasm' });
    expect(progress[7].testAccuracy).toBeGreaterThanOrEqual(0);
    expect(progress[6].testAccuracy).toBeUndefined();
    expect(progress[15].loss).toBeLessThan(progress[0].loss);
    expect(progress[15].samplesPerSec).toBeGreaterThan(0);
  });

  it('gives the identical loss sequence for the same seed, and another for another seed', async () => {
    const a = await losses(3);
    const b = await losses(3);
    const c = await losses(4);
    expect(b.losses).toEqual(a.losses);
    expect(c.losses).not.toEqual(a.losses);
  });

  it('leaks no tensor over three runs', async () => {
    await losses(1, { epochs: 1 }); // warm-up: tfjs caches a few tensors on first use
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) await losses(1, { epochs: 1, optimizer: i === 1 ? 'adam' : 'sgd' });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops between batches when asked, and changes the learning rate between batches', async () => {
    const control = new TrainingControl();
    const model = buildResidualNet(1);
    const seen: Progress[] = [];
    const result = await trainModel(
      model,
      data,
      options,
      (p) => {
        seen.push(p);
        if (p.step === 2) control.setLearningRate(0.001);
        if (p.step === 3) control.stop();
      },
      control
    );
    model.dispose();
    expect(result).toEqual({ stopped: true, steps: 3 });
  });

  it('drops the learning rate by gamma after each milestone step of a schedule', async () => {
    const { progress } = await losses(1, { epochs: 2, schedule: { milestones: [3, 10], gamma: 0.1 } });
    const rates = progress.map((p) => Number(p.learningRate.toPrecision(6)));
    expect(rates).toEqual([0.05, 0.05, 0.05, ...Array(7).fill(0.005), ...Array(6).fill(0.0005)]);
  });

  it('reports the epoch mean of the loss per example, which the epoch end gives as the epoch loss', async () => {
    const { progress } = await losses(1, { epochs: 1 });
    const mean = progress.reduce((sum, p) => sum + p.loss, 0) / progress.length; // 8 full batches of 32
    expect(progress[7].epochLoss).toBeCloseTo(mean, 5);
    expect(progress[0].epochLoss).toBeCloseTo(progress[0].loss, 6);
  });

  it('refuses a schedule whose milestones do not increase', async () => {
    const model = buildResidualNet(1);
    await expect(
      trainModel(model, data, { ...options, schedule: { milestones: [5, 2], gamma: 0.1 } }, () => {})
    ).rejects.toThrow('schedule.milestones must increase, got [5,2].');
    model.dispose();
  });

  it('waits while paused and continues after resume', async () => {
    const control = new TrainingControl();
    const model = buildResidualNet(1);
    let pausedAt = 0;
    let lastStep = 0;
    const run = trainModel(
      model,
      data,
      options,
      (p) => {
        lastStep = p.step;
        if (p.step === 2) {
          control.pause();
          pausedAt = p.step;
        }
      },
      control
    );
    // Wait for the pause however slow the machine is, then check that no step runs while paused.
    while (pausedAt === 0) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 100));
    expect(lastStep).toBe(2);
    control.resume();
    expect(await run).toEqual({ stopped: false, steps: 8 });
    model.dispose();
  });

  it('stops with advice when the loss becomes NaN', async () => {
    // A net whose weights are NaN stands in for one that diverged.
    const input = tf.input({ shape: [28, 28, 1] });
    const flat = tf.layers.flatten().apply(input) as tf.SymbolicTensor;
    const nan = tf.initializers.constant({ value: NaN });
    const out = tf.layers.dense({ units: 10, kernelInitializer: nan }).apply(flat) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: out });
    await expect(trainModel(model, data, options, () => {})).rejects.toThrow(
      'The loss became NaN at step 1 (learning rate 0.05): training diverged and was stopped. Try a smaller learning rate, e.g. 0.005.'
    );
    model.dispose();
  });

  it('refuses invalid options before any work', async () => {
    const model = buildResidualNet(1);
    let steps = 0;
    await expect(trainModel(model, data, { ...options, batchSize: 0 }, () => steps++)).rejects.toThrow(
      'Cannot train: batchSize must be a whole number of at least 1, got 0.'
    );
    expect(steps).toBe(0);
    model.dispose();
  });
});
