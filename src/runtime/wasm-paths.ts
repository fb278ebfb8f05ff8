/**
 * Where the page serves tfjs's three wasm binaries. Vite copies each into the build with a content hash
 * and gives us its URL; tfjs is told these URLs (in the page and in the training worker) instead of
 * looking next to its script or on a CDN.
 */
import plain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

/** Absolute URLs: the worker resolves paths against its own script, not the page. */
export function wasmPaths() {
  const absolute = (url: string) => new URL(url, location.href).href;
  return {
    'tfjs-backend-wasm.wasm': absolute(plain),
    'tfjs-backend-wasm-simd.wasm': absolute(simd),
    'tfjs-backend-wasm-threaded-simd.wasm': absolute(threadedSimd)
  };
}
