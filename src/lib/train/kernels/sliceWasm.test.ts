import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOn, seededValues } from '../testing/testBackends';
import { registerWasmTrainingKernels, unregisterTrainingKernels } from './registerTrainingKernels';

beforeAll(() => registerWasmTrainingKernels());
afterAll(() => unregisterTrainingKernels('wasm'));

// [shape, begin, size]
const sliceCases: [number[], number[], number[]][] = [
  [
    [64, 12, 12, 88],
    [0, 0, 0, 16],
    [64, 12, 12, 24]
  ],
  [
    [3, 5, 7],
    [1, 2, 3],
    [2, 3, 4]
  ],
  [
    [10, 200],
    [2, 10],
    [5, 150]
  ],
  [[7], [2], [4]],
  [
    [2, 3, 4, 5, 6],
    [1, 0, 1, 2, 3],
    [1, 3, 2, 3, 3]
  ]
];

describe('Slice, SplitV, Concat and Identity without per-row overhead', () => {
  it.each(sliceCases)('Slice of %j at %j size %j equals the cpu result', async (shape, begin, size) => {
    const run = () => tf.slice(tf.tensor(seededValues(shape, 7), shape), begin, size);
    const [expected] = await runOn('cpu', run);
    const [actual] = await runOn('wasm', run);
    expect(actual).toEqual(expected);
  });

  it('SplitV of an Inception block into 16 + 24 + 24 + 24 channels equals the cpu result', async () => {
    const run = () => tf.split(tf.tensor(seededValues([4, 6, 6, 88], 8), [4, 6, 6, 88]), [16, 24, 24, 24], 3);
    const expected = await runOn('cpu', run);
    const actual = await runOn('wasm', run);
    expect(actual).toEqual(expected);
  });

  it('Concat of four branches along channels equals the cpu result', async () => {
    const run = () =>
      tf.concat(
        [16, 24, 24, 24].map((c, i) => tf.tensor(seededValues([3, 5, 5, c], 20 + i), [3, 5, 5, c])),
        3
      );
    const [expected] = await runOn('cpu', run);
    const [actual] = await runOn('wasm', run);
    expect(actual).toEqual(expected);
  });

  it('Concat along another axis falls back to the stock kernel and equals the cpu result', async () => {
    const run = () =>
      tf.concat(
        [tf.tensor(seededValues([2, 3], 30), [2, 3]), tf.tensor(seededValues([4, 3], 31), [4, 3])],
        0
      );
    const [expected] = await runOn('cpu', run);
    const [actual] = await runOn('wasm', run);
    expect(actual).toEqual(expected);
  });

  it('Identity shares the data instead of copying it, and frees it only with the last reference', async () => {
    await runOn('wasm', () => tf.zeros([1]));
    const buffers = tf.backend().numDataIds();
    const x = tf.tensor([1, 2, 3]);
    const y = tf.clone(x);
    expect(tf.backend().numDataIds()).toBe(buffers + 1);
    x.dispose();
    expect(Array.from(y.dataSync())).toEqual([1, 2, 3]);
    y.dispose();
    expect(tf.backend().numDataIds()).toBe(buffers);
  });
});
