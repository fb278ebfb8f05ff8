/**
 * The recordings of lesson 03's depth experiment (npm run pretrain plain-N residual-N) and the PyTorch runs
 * beside them (scripts/pytorch/train_depth.py): the same schedule on both sides, both accuracies recorded,
 * and the trend the lesson's argument rests on, so that a re-recording cannot quietly break what it says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TrainingRecord } from '../src/lib/train/recording';

const read = <T>(name: string): T => JSON.parse(readFileSync(`static/pretrained/${name}.json`, 'utf8')) as T;

interface PytorchRun {
  trainAccuracy: number;
  testAccuracy: number;
  seeds?: { trainAccuracy: number; testAccuracy: number }[];
}
interface PytorchDepth {
  data: { name: string; train: number; test: number };
  options: { learningRate: number; momentum: number; batchSize: number; steps: number; schedule: unknown };
  runs: Record<string, PytorchRun>;
}

const depths = [8, 20, 32, 56];
const schedule = { milestones: [300], gamma: 0.1 };
const pytorch = read<PytorchDepth>('pytorch-depth');

describe.each(depths.flatMap((d) => [`plain-${d}`, `residual-${d}`]))('the recorded run %s', (name) => {
  const record = read<TrainingRecord>(name);

  it('used the depth recipe with the tenfold drop after step 300, for 400 steps', () => {
    expect(record.options).toMatchObject({ learningRate: 0.05, momentum: 0.9, batchSize: 64, schedule });
    expect(record.history).toHaveLength(400);
  });

  it('was tested on the 2,000 held-out digits and on 2,000 of its own training digits', () => {
    expect(record.data).toEqual({ name: 'mnist-10k', train: 8000, test: 2000 });
    expect(record.evaluatedOn).toBe('the 2,000 held-out test digits');
    for (const accuracy of [record.testAccuracy, record.trainAccuracy!]) {
      expect(accuracy).toBeGreaterThan(0.1);
      expect(accuracy).toBeLessThanOrEqual(1);
    }
  });

  it('has a PyTorch run beside it with the same schedule on the same digits', () => {
    expect(pytorch.data).toEqual({ name: 'mnist-10k', train: 8000, test: 2000 });
    expect(pytorch.options).toMatchObject({
      learningRate: 0.05,
      momentum: 0.9,
      batchSize: 64,
      steps: 400,
      schedule
    });
    expect(pytorch.runs[name].trainAccuracy).toBeGreaterThan(0.1);
  });
});

describe('the trend lesson 03 teaches', () => {
  const train = (name: string) => read<TrainingRecord>(name).trainAccuracy!;
  it('the deepest plain stack fits its own training digits worse than the shallowest, in ours and in PyTorch', () => {
    expect(train('plain-56')).toBeLessThan(train('plain-8') - 0.05);
    expect(pytorch.runs['plain-56'].trainAccuracy).toBeLessThan(pytorch.runs['plain-8'].trainAccuracy - 0.05);
  });
  it('the residual stack of depth 56 fits them better than the plain one, in ours and in PyTorch', () => {
    expect(train('residual-56')).toBeGreaterThan(train('plain-56'));
    expect(pytorch.runs['residual-56'].trainAccuracy).toBeGreaterThan(pytorch.runs['plain-56'].trainAccuracy);
  });
});
