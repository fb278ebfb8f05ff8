/**
 * The `tf` builtin. tfjs is imported only when a cell first reads `tf`, and the backend is chosen the
 * same way as for training: webgl on a real GPU, else wasm with the project's training kernels, else cpu
 * (see src/lib/train/backend.ts). The choice is kept for the page.
 */
import { wasmPaths } from './wasm-paths.js';

let ready: Promise<typeof import('@tensorflow/tfjs')> | null = null;

export function loadTf() {
  ready ??= (async () => {
    const [tf, { chooseBackend }] = await Promise.all([
      import('@tensorflow/tfjs'),
      import('../lib/train/backend.js')
    ]);
    await chooseBackend({ wasmPaths: wasmPaths() });
    return tf;
  })();
  return ready;
}
