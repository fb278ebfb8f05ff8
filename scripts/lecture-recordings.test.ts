/**
 * The recordings of the lecture's own experiment (npm run pretrain lecture-inception lecture-residual) and the
 * PyTorch run beside them (scripts/pytorch/train_lecture.py): their format, and that ours stays within half a
 * percentage point of PyTorch's, so that a re-recording cannot drift silently.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RecordedEpoch, TrainingRecord } from '../src/lib/train/recording';

const read = <T>(name: string): T => JSON.parse(readFileSync(`static/pretrained/${name}.json`, 'utf8')) as T;

interface PytorchLecture {
  torch: string;
  data: { name: string; train: number; test: number };
  options: TrainingRecord['options'];
  nets: Record<'inception' | 'residual', { epochs: RecordedEpoch[]; testAccuracy: number; seconds: number }>;
}

const lectureOptions = {
  optimizer: 'sgd',
  learningRate: 0.01,
  momentum: 0.5,
  batchSize: 64,
  epochs: 10,
  seed: 1
};
const pytorch = read<PytorchLecture>('pytorch-lecture');

describe.each(['inception', 'residual'] as const)('the recorded lecture run of the %s net', (net) => {
  // Both recordings are committed: a missing one fails here, saying how to make it.
  if (!existsSync(`static/pretrained/lecture-${net}.json`)) {
    throw new Error(
      `static/pretrained/lecture-${net}.json is missing: npx tsx scripts/pretrain.ts lecture-${net}`
    );
  }
  const record = read<TrainingRecord>(`lecture-${net}`);

  it('trained on the official 60,000 digits with exactly the lecture’s schedule', () => {
    expect(record.data).toEqual({ name: 'mnist', train: 60_000, test: 10_000 });
    expect(record.options).toEqual(lectureOptions);
    expect(record.history).toHaveLength(10 * 938); // ⌈60,000 / 64⌉ steps per epoch
    expect(record.evaluatedOn).toBe('the 10,000 official MNIST test digits');
  });

  it('has one entry per epoch: test accuracy as a fraction, the epoch’s mean training loss', () => {
    expect(record.epochs!.map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const e of record.epochs!) {
      expect(e.testAccuracy).toBeGreaterThan(0.9);
      expect(e.testAccuracy).toBeLessThanOrEqual(1);
      expect(e.trainLoss).toBeGreaterThan(0);
      expect(e.trainLoss).toBeLessThan(1);
    }
    expect(record.epochs!.at(-1)!.testAccuracy).toBe(record.testAccuracy);
  });

  it('its confusion matrix and misread digits agree with its test accuracy', () => {
    const confusion = record.confusion!;
    const total = confusion.flat().reduce((a, b) => a + b, 0);
    const right = confusion.reduce((sum, row, i) => sum + row[i], 0);
    expect(total).toBe(10_000);
    expect(right / total).toBeCloseTo(record.testAccuracy, 10);
    expect(record.misread).toHaveLength(total - right);
    expect(Buffer.from(record.misreadPixels!, 'base64')).toHaveLength(784 * (total - right));
    for (const m of record.misread!) expect(m.label).not.toBe(m.predicted);
  });

  it('ends within 0.5 percentage points of PyTorch 1.13 on the same digits with the same schedule', () => {
    expect(pytorch.data).toEqual({ name: 'mnist', train: 60_000, test: 10_000 });
    expect(pytorch.options).toEqual(lectureOptions);
    const theirs = pytorch.nets[net];
    expect(theirs.epochs).toHaveLength(10);
    expect(Math.abs(record.testAccuracy - theirs.testAccuracy) * 100).toBeLessThanOrEqual(0.5);
  });
});
