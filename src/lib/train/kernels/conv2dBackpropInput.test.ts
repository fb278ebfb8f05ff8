import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backpropInput, convCaseLabel, convCases, projectRoute } from '../testing/convCases';
import { relativeError, runOn } from '../testing/testBackends';
import { registerWasmTrainingKernels, unregisterTrainingKernels } from './registerTrainingKernels';

beforeAll(() => registerWasmTrainingKernels());
afterAll(() => unregisterTrainingKernels('wasm'));

describe('Conv2DBackpropInput via a forward convolution', () => {
  it.each(convCases.map((c) => [convCaseLabel(c), c] as const))(
    'on wasm matches the stock cpu kernel for %s',
    async (_, c) => {
      const [expected] = await runOn('cpu', () => backpropInput(c));
      const [actual] = await runOn('wasm', () => backpropInput(c));
      expect(relativeError(actual, expected)).toBeLessThan(1e-4);
    }
  );

  it.each(
    convCases.flatMap((c) => [[convCaseLabel(c), true, c] as const, [convCaseLabel(c), false, c] as const])
  )(
    'on wasm, each route matches the stock cpu kernel for %s (matrix-product route: %s)',
    async (_, useMatMul, c) => {
      const [expected] = await runOn('cpu', () => backpropInput(c));
      const [actual] = await runOn('wasm', () => projectRoute('input', c, useMatMul));
      expect(relativeError(actual, expected)).toBeLessThan(1e-4);
    }
  );
});
