/**
 * Test helper: runs the same computation on the stock cpu backend and on a backend with the project's kernels.
 * Not imported by application code.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

// Silences the "install tfjs-node" banner the cpu backend prints in Node.
tf.env().set('PROD', true);

/** Switches to `name` and fails loudly (setBackend reports failure by returning false, not by throwing). */
export async function useBackend(name: 'wasm' | 'cpu'): Promise<void> {
  const ok = await tf.setBackend(name);
  if (!ok || tf.getBackend() !== name) throw new Error(`could not switch to the ${name} backend`);
}

/** Runs `f` on `backend` and returns the outputs as plain arrays (all tensors made by `f` are freed). */
export async function runOn(
  backend: 'wasm' | 'cpu',
  f: () => tf.Tensor | tf.Tensor[]
): Promise<Float32Array[]> {
  await useBackend(backend);
  const outs = tf.tidy(f);
  const list = Array.isArray(outs) ? outs : [outs];
  const values = list.map((t) => t.dataSync() as Float32Array);
  tf.dispose(list);
  return values;
}

/** Largest |a − b| divided by the largest |b| (a relative error that ignores tiny entries). */
export function relativeError(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Infinity;
  let maxDiff = 0;
  let maxRef = 1e-12;
  for (let i = 0; i < a.length; i++) {
    maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
    maxRef = Math.max(maxRef, Math.abs(b[i]));
  }
  return maxDiff / maxRef;
}

/** Seeded normal values, so both backends see identical inputs. */
export function seededValues(shape: number[], seed: number): Float32Array {
  let state = seed >>> 0;
  const size = shape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    // mulberry32, then a cheap centred value in [-1, 1)
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  }
  return out;
}
