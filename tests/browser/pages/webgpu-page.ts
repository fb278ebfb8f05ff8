/**
 * Bundled by tests/browser/webgpu.test.ts and served on http://127.0.0.1 (WebGPU needs a secure origin): puts the
 * checks on globalThis for the test to call. Training code is the project's own (src/lib/train); only the page is
 * a test fixture.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { measureBackends } from '../../../src/lib/train/measureBackends';
import { classifyAdapter, webgpuAdapterInfo } from '../../../src/lib/train/gpuAdapter';
import { defaultTrainOptions } from '../../../src/lib/train/protocol';
import { lectureNets } from '../../../src/lib/train/testing/lectureNets';
import { initialWeights, modelGradients } from '../../../src/lib/train/testing/modelGradients';
import { relativeError } from '../../../src/lib/train/testing/testBackends';
import { syntheticDigits } from '../../../src/lib/train/testing/syntheticDigits';
import { trainModel } from '../../../src/lib/train/trainer';
import { readWeights } from '../../../src/lib/train/weights';

type Net = keyof typeof lectureNets;

setWasmPaths('/wasm/');

async function use(name: 'webgpu' | 'cpu') {
  if (!(await tf.setBackend(name)) || tf.getBackend() !== name) throw new Error(`cannot start ${name}`);
}

async function adapter() {
  const info = await webgpuAdapterInfo();
  return { info, kind: classifyAdapter(info) };
}

/** Largest relative error of the net's loss gradients on webgpu against the stock cpu backend, per weight. */
async function gradientParity(net: Net) {
  await use('cpu');
  const weights = initialWeights(net);
  // Asynchronous reads: webgpu's dataSync returns zeros on SwiftShader.
  const values = async (list: tf.Tensor[]) => {
    const out = await Promise.all(list.map((t) => t.data() as Promise<Float32Array>));
    tf.dispose(list);
    return out;
  };
  const expected = await values(modelGradients(net, weights, 4));
  await use('webgpu');
  const actual = await values(modelGradients(net, weights, 4));
  return { count: actual.length, errors: actual.map((a, i) => relativeError(a, expected[i])) };
}

/** Tensors and GPU buffers alive after 1 and after 4 more training steps on webgpu, then after disposing. */
async function leaks(net: Net) {
  await use('webgpu');
  const before = tf.memory().numTensors;
  const model = lectureNets[net](1);
  const counts: { tensors: number; dataIds: number }[] = [];
  const options = { ...defaultTrainOptions, batchSize: 8, epochs: 1 };
  const snapshot = () => counts.push({ tensors: tf.memory().numTensors, dataIds: tf.backend().numDataIds() });
  await trainModel(model, { train: syntheticDigits(8, 1) }, options, () => {});
  snapshot();
  await trainModel(model, { train: syntheticDigits(32, 2) }, options, () => {});
  snapshot();
  model.dispose();
  return { before, counts, after: tf.memory().numTensors };
}

/** The chooser on the residual net, as the training worker runs it, with the adapters this browser really has. */
async function chooser(allowSoftware: boolean) {
  await use('cpu');
  const model = lectureNets.residual(1);
  const request = {
    modelTopology: model.toJSON(null, false) as object,
    weights: await readWeights(model),
    data: { train: syntheticDigits(16, 1) },
    options: { ...defaultTrainOptions, batchSize: 8 },
    wasmPaths: '/wasm/',
    allowSoftware,
    steps: 1
  };
  model.dispose();
  return measureBackends(request);
}

Object.assign(globalThis, { adapter, gradientParity, leaks, chooser, ready: true });
