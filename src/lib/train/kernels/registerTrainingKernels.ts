/**
 * Installs the project's training kernels into tfjs's global kernel registry.
 *
 * `tf.registerKernel` replaces a backend's kernel for every model on the page; the stock kernel is kept so it can be
 * restored (benchmarks compare both) and so unusual cases can fall back to it.
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelConfig } from '@tensorflow/tfjs';
import { conv2dBackpropFilterConfig } from './conv2dBackpropFilter';
import { conv2dBackpropInputConfig } from './conv2dBackpropInput';
import { maxPoolGradWasmConfig } from './maxPoolGrad';
import { identityWasmConfig } from './identityWasm';
import { sliceWasmConfigs } from './sliceWasm';

/** Stock kernel configs we replaced (undefined: the backend had none), keyed by `backend/kernel`. */
const replaced = new Map<string, KernelConfig | undefined>();

function install(config: KernelConfig): void {
  const key = `${config.backendName}/${config.kernelName}`;
  const current = tf.getKernel(config.kernelName, config.backendName);
  if (!replaced.has(key)) replaced.set(key, current);
  // Keep the stock kernel's setup (the wasm backend runs it at start-up): our fallbacks call that stock kernel.
  if (current?.setupFunc && !config.setupFunc) config = { ...config, setupFunc: current.setupFunc };
  // Unregister first: registering over an existing kernel works but prints a warning.
  if (current) tf.unregisterKernel(config.kernelName, config.backendName);
  tf.registerKernel(config);
}

function isInstalled(backendName: string): boolean {
  return replaced.has(`${backendName}/Conv2DBackpropFilter`);
}

/**
 * Gives the wasm backend a Conv2DBackpropFilter (stock 4.22 has none) and a fast Conv2DBackpropInput, both running on
 * XNNPACK's forward convolution, plus faster MaxPoolGrad, Slice, SplitV, Concat and Identity (the profile of the lecture's nets showed
 * those next). Safe to call more than once. Import '@tensorflow/tfjs-backend-wasm' first. Await `loadDirectConv()`
 * (directConv.ts) before training so that stride-1 'valid' input gradients take the project's own SIMD kernel.
 */
export function registerWasmTrainingKernels(): void {
  if (isInstalled('wasm')) return;
  const stockInput = tf.getKernel('Conv2DBackpropInput', 'wasm');
  if (!stockInput) {
    throw new Error(
      "registerWasmTrainingKernels: the wasm backend is not loaded (import '@tensorflow/tfjs-backend-wasm')."
    );
  }
  install(conv2dBackpropFilterConfig('wasm'));
  install(conv2dBackpropInputConfig('wasm', stockInput.kernelFunc));
  install(maxPoolGradWasmConfig);
  const stockSlice = tf.getKernel('Slice', 'wasm')!;
  const stockConcat = tf.getKernel('Concat', 'wasm')!;
  for (const config of sliceWasmConfigs(stockSlice.kernelFunc, stockConcat.kernelFunc)) install(config);
  install(identityWasmConfig);
}

/**
 * Gives the cpu backend a Conv2DBackpropFilter built on its own (much tighter) forward convolution, so cpu is a
 * usable last resort. Safe to call more than once.
 */
export function registerCpuTrainingKernels(): void {
  if (isInstalled('cpu')) return;
  if (!tf.getKernel('Conv2D', 'cpu'))
    throw new Error('registerCpuTrainingKernels: the cpu backend is not loaded.');
  install(conv2dBackpropFilterConfig('cpu'));
}

/** Puts the stock kernels of `backendName` back (for benchmarks and tests that compare against them). */
export function unregisterTrainingKernels(backendName: 'wasm' | 'cpu'): void {
  for (const [key, stock] of [...replaced]) {
    const [backend, kernelName] = key.split('/');
    if (backend !== backendName) continue;
    tf.unregisterKernel(kernelName, backend);
    if (stock) tf.registerKernel(stock);
    replaced.delete(key);
  }
}
