/**
 * The `tf` builtin. tfjs is imported only when a cell first reads `tf`. Backend choice (webgl on real
 * GPUs, wasm with the project's training kernels otherwise) lives in src/lib/train/backend.ts.
 */
export async function loadTf() {
  const tf = await import('@tensorflow/tfjs');
  await tf.ready();
  return tf;
}
