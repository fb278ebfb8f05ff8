import { afterAll, describe, expect, it } from 'vitest';
import { backpropFilter, convCaseLabel, convCases, projectRoute } from '../testing/convCases';
import { relativeError, runOn } from '../testing/testBackends';
import {
  registerCpuTrainingKernels,
  registerWasmTrainingKernels,
  unregisterTrainingKernels
} from './registerTrainingKernels';

const table = convCases.map((c) => [convCaseLabel(c), c] as const);

afterAll(() => {
  unregisterTrainingKernels('wasm');
  unregisterTrainingKernels('cpu');
});

describe('Conv2DBackpropFilter via a forward convolution', () => {
  it.each(table)('on wasm matches the stock cpu kernel for %s', async (_, c) => {
    unregisterTrainingKernels('cpu');
    const [expected] = await runOn('cpu', () => backpropFilter(c));
    registerWasmTrainingKernels();
    const [actual] = await runOn('wasm', () => backpropFilter(c));
    expect(relativeError(actual, expected)).toBeLessThan(1e-4);
  });

  it.each(table)('on cpu matches the stock cpu kernel for %s', async (_, c) => {
    unregisterTrainingKernels('cpu');
    const [expected] = await runOn('cpu', () => backpropFilter(c));
    registerCpuTrainingKernels();
    const [actual] = await runOn('cpu', () => backpropFilter(c));
    expect(relativeError(actual, expected)).toBeLessThan(1e-4);
  });

  it.each(
    convCases.flatMap((c) => [[convCaseLabel(c), true, c] as const, [convCaseLabel(c), false, c] as const])
  )(
    'on wasm, each route matches the stock cpu kernel for %s (matrix-product route: %s)',
    async (_, useMatMul, c) => {
      unregisterTrainingKernels('cpu');
      const [expected] = await runOn('cpu', () => backpropFilter(c));
      const [actual] = await runOn('wasm', () => projectRoute('filter', c, useMatMul));
      expect(relativeError(actual, expected)).toBeLessThan(1e-4);
    }
  );
});
