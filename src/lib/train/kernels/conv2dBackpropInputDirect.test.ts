import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { backpropInput, convCaseLabel, convInputs, type ConvCase } from '../testing/convCases';
import { relativeError, runOn, useBackend } from '../testing/testBackends';
import { canBackpropInputDirect, conv2dBackpropInputDirect } from './conv2dBackpropInputDirect';
import { directConvLoaded, loadDirectConv } from './directConv';
import { registerWasmTrainingKernels, unregisterTrainingKernels } from './registerTrainingKernels';

beforeAll(async () => {
  expect(await loadDirectConv()).toBeNull();
  registerWasmTrainingKernels();
});
afterAll(() => unregisterTrainingKernels('wasm'));

// batch, input size, channels in → out, kernel: every one stride 1 'valid', the cases the direct kernel takes.
const rows: [number, number, number, number, number][] = [
  [1, 12, 88, 20, 5], // the Inception net's conv2
  [64, 12, 88, 20, 5],
  [64, 12, 16, 32, 5], // the residual net's conv2
  [64, 8, 24, 8, 3],
  [1, 9, 3, 5, 3], // channel counts not divisible by 4 (nor by 8)
  [2, 11, 13, 7, 5], // a width that is not a multiple of the 4-pixel tile
  [2, 6, 9, 1, 3],
  [2, 5, 17, 6, 5] // dy is a single pixel
];
const cases: ConvCase[] = rows.map(([batch, size, inChannels, outChannels, kernel]) => ({
  batch,
  size,
  inChannels,
  outChannels,
  kernel,
  stride: 1,
  pad: 'valid'
}));

/** The direct kernel on a case, whatever canBackpropInputDirect says. */
function directRoute(c: ConvCase): tf.Tensor {
  const v = convInputs(c);
  const dy = tf.tensor4d(v.dy, v.dyShape);
  const filter = tf.tensor4d(v.w, v.wShape);
  const info = conv2dBackpropInputDirect(tf.backend() as BackendWasm, dy, filter, infoOf(c));
  tf.dispose([dy, filter]);
  return tf.engine().makeTensorFromTensorInfo(info);
}

function infoOf(c: ConvCase) {
  const x: [number, number, number, number] = [c.batch, c.size, c.size, c.inChannels];
  return tf.backend_util.computeConv2DInfo(
    x,
    [c.kernel, c.kernel, c.inChannels, c.outChannels],
    c.stride,
    1,
    c.pad
  );
}

describe('Conv2DBackpropInput by the direct wasm SIMD kernel', () => {
  // 1×1 kernels go to XNNPACK (see canBackpropInputDirect); the arithmetic must still be right for them.
  it.each([
    [3, 7, 5, 3],
    [64, 12, 10, 16]
  ])('computes 1×1 kernels right too (batch %i, %i×%i×%i)', async (batch, size, inChannels, outChannels) => {
    const c: ConvCase = { batch, size, inChannels, outChannels, kernel: 1, stride: 1, pad: 'valid' };
    const [expected] = await runOn('cpu', () => backpropInput(c));
    const [actual] = await runOn('wasm', () => directRoute(c));
    expect(relativeError(actual, expected)).toBeLessThan(1e-4);
  });

  it('loaded its module', () => expect(directConvLoaded()).toBe(true));

  it.each(cases.map((c) => [convCaseLabel(c), c] as const))(
    'on wasm matches the stock cpu kernel for %s',
    async (_, c) => {
      expect(canBackpropInputDirect(infoOf(c))).toBe(true);
      const [expected] = await runOn('cpu', () => backpropInput(c));
      const [actual] = await runOn('wasm', () => backpropInput(c));
      expect(relativeError(actual, expected)).toBeLessThan(1e-4);
    }
  );

  it("leaves strided and 'same' convolutions to the other routes", () => {
    const base = cases[0];
    expect(canBackpropInputDirect(infoOf({ ...base, stride: 2 }))).toBe(false);
    expect(canBackpropInputDirect(infoOf({ ...base, pad: 'same' }))).toBe(false);
    expect(canBackpropInputDirect(infoOf({ ...base, kernel: 1 }))).toBe(false); // XNNPACK's GEMM is faster
  });

  it('leaves no tensor and no backend buffer behind', async () => {
    await useBackend('wasm');
    const run = () => {
      for (const c of cases) tf.dispose(tf.tidy(() => backpropInput(c)));
    };
    run();
    const tensors = tf.memory().numTensors;
    const buffers = tf.backend().numDataIds();
    for (let i = 0; i < 2; i++) run();
    expect(tf.memory().numTensors).toBe(tensors);
    expect(tf.backend().numDataIds()).toBe(buffers);
  });
});
