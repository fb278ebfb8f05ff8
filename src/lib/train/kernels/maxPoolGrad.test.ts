import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relativeError, runOn, seededValues } from '../testing/testBackends';
import { registerWasmTrainingKernels, unregisterTrainingKernels } from './registerTrainingKernels';

beforeAll(() => registerWasmTrainingKernels());
afterAll(() => unregisterTrainingKernels('wasm'));

// [input shape NHWC, pool size, stride, padding]
const poolCases: [number[], number, number, 'same' | 'valid'][] = [
  [[64, 24, 24, 10], 2, 2, 'valid'],
  [[2, 7, 7, 3], 2, 2, 'valid'],
  [[2, 7, 7, 3], 2, 2, 'same'],
  [[2, 9, 9, 4], 3, 1, 'same'],
  [[2, 9, 9, 4], 3, 2, 'valid'],
  [[1, 5, 5, 1], 3, 1, 'valid']
];

function poolGradient(
  shape: number[],
  size: number,
  stride: number,
  pad: 'same' | 'valid',
  withTies: boolean
) {
  return () => {
    // Rounding to a coarse grid makes ties inside a window, which must go to the first maximum as on cpu.
    const values = seededValues(shape, 5).map((v) => (withTies ? Math.round(v * 2) : v));
    const x = tf.tensor4d(values, shape as [number, number, number, number]);
    return tf.grad((input) =>
      tf
        .maxPool(input as tf.Tensor4D, size, stride, pad)
        .square()
        .sum()
    )(x);
  };
}

describe('MaxPoolGrad as a loop over pooling windows', () => {
  it.each(poolCases.flatMap((c) => [[...c, false] as const, [...c, true] as const]))(
    'on wasm matches the stock cpu kernel for input %j, pool %i, stride %i, %s padding, ties %s',
    async (shape, size, stride, pad, ties) => {
      const [expected] = await runOn('cpu', poolGradient(shape, size, stride, pad, ties));
      const [actual] = await runOn('wasm', poolGradient(shape, size, stride, pad, ties));
      expect(relativeError(actual, expected)).toBeLessThan(1e-5);
    }
  );
});
