import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildMnist, defaultOutput } from './build-mnist';
import { classCounts, decodeMnistBin, normalise } from '../src/lib/data/mnist';
import { splitTrainTest } from '../src/lib/data/split';

describe('scripts/build-mnist', () => {
  // The package's 10,000 digits keep MNIST's natural class frequencies: not 1,000 of each.
  const perClass = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

  it('builds static/data/mnist-10k.bin that decodes to the package’s 10,000 digits', () => {
    buildMnist(defaultOutput); // idempotent: a no-op when already built
    const raw = decodeMnistBin(readFileSync(defaultOutput));
    expect([raw.count, raw.rows, raw.cols]).toEqual([10_000, 28, 28]);
    expect(classCounts(raw.labels)).toEqual(perClass);
    let sum = 0;
    for (const p of raw.pixels) sum += p;
    // MNIST's mean ink is ≈ 0.13 of full scale; an encoding bug (0..1 stored as bytes) would give ≈ 0.
    expect(sum / raw.pixels.length / 255).toBeCloseTo(0.13, 1);
    expect(Math.max(...raw.pixels.subarray(0, 784 * 10))).toBe(255);
  });

  it('the built digits split exactly 8,000 / 2,000, each class 80 % / 20 %', () => {
    const { train, test } = splitTrainTest(normalise(decodeMnistBin(readFileSync(defaultOutput))), {
      seed: 0
    });
    expect([train.count, test.count]).toEqual([8_000, 2_000]);
    expect(classCounts(train.labels)).toEqual([801, 902, 793, 826, 784, 690, 811, 856, 755, 782]);
    classCounts(test.labels).forEach((n, c) => expect(n).toBe(perClass[c] - classCounts(train.labels)[c]));
  });

  it('skips the work when the output is newer than the sources, and rebuilds with force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mnist-'));
    const output = join(dir, 'sub', 'mnist.bin');
    try {
      expect(buildMnist(output)).toBe(true);
      expect(buildMnist(output)).toBe(false);
      expect(buildMnist(output, { force: true })).toBe(true);
      expect(readFileSync(output).equals(readFileSync(defaultOutput))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
