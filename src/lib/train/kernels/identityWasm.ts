/**
 * Identity for the wasm backend without copying.
 *
 * The engine clones every tensor it saves for the backward pass through Identity. The stock wasm kernel copies the
 * data; the cpu and webgl backends instead share it and count references, which is safe because tfjs never writes
 * into an existing tensor's data. We do the same here.
 */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

function identity(args: { inputs: { x: TensorInfo }; backend: BackendWasm }): TensorInfo {
  const { x } = args.inputs;
  args.backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

export const identityWasmConfig: KernelConfig = {
  kernelName: 'Identity',
  backendName: 'wasm',
  kernelFunc: identity as unknown as KernelFunc
};
