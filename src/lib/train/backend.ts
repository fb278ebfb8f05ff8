/**
 * Picks the fastest tfjs backend that really works here, and says why.
 *
 * Order: webgl when the GPU is real hardware (a software renderer such as SwiftShader is slower than wasm), then
 * wasm with the project's training kernels (SIMD; threads only when the page is cross-origin isolated), then cpu
 * with the project's faster Conv2DBackpropFilter. webgpu only when asked for: the training worker times the
 * backends and asks for the fastest (measureBackends.ts); its package is loaded only then, so pages that never use
 * it do not download it. `tf.setBackend` reports failure by returning false rather than
 * throwing, so every step checks it and falls through explicitly. Free of DOM: runs in a Web Worker and in Node.
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { isSoftwareRenderer } from './gpuAdapter';
import { loadDirectConv } from './kernels/directConv';
import { registerCpuTrainingKernels, registerWasmTrainingKernels } from './kernels/registerTrainingKernels';

export { isSoftwareRenderer };

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** Where the wasm binaries are served: a folder URL ending in '/', or one URL per binary. */
export type WasmPaths =
  | string
  | {
      'tfjs-backend-wasm.wasm': string;
      'tfjs-backend-wasm-simd.wasm': string;
      'tfjs-backend-wasm-threaded-simd.wasm': string;
    };

export interface BackendOptions {
  /** The reader's choice; if it fails we still fall back down the usual order. */
  preferred?: BackendName;
  /** Passed to tfjs `setWasmPaths` before wasm starts (needed when bundled; Node finds the files itself). */
  wasmPaths?: WasmPaths;
  /** Threads for wasm when the page is cross-origin isolated; default `defaultWasmThreads()`. Fixed once wasm starts. */
  wasmThreads?: number;
}

export interface BackendChoice {
  /** The backend now active. */
  name: BackendName;
  /** One sentence for the reader, e.g. why webgl was skipped. */
  reason: string;
  /** Backends tried before this one, with why each was not used. */
  skipped: { name: BackendName; why: string }[];
}

/** The WebGL renderer string via an OffscreenCanvas, or null when there is no WebGL here (Node, old Safari). */
export function webglRenderer(): string | null {
  const Offscreen = (globalThis as { OffscreenCanvas?: new (w: number, h: number) => OffscreenCanvas })
    .OffscreenCanvas;
  if (!Offscreen) return null;
  try {
    const canvas = new Offscreen(1, 1);
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return renderer;
  } catch {
    return null;
  }
}

let wasmPathsSet = false;
/** Why the project's own SIMD module did not load (null: it did), for the backend's one-line description. */
let directConvFailure: string | null = null;

/** Threads wasm gets by default: every logical core, up to 4 (more adds little for these small convolutions). */
export function defaultWasmThreads(cores = globalThis.navigator?.hardwareConcurrency ?? 1): number {
  return Math.max(1, Math.min(cores, 4));
}

/**
 * Runs `start` while `navigator.hardwareConcurrency` reads at least `cores`, then restores it.
 *
 * Why: tfjs 4.22's C++ caps the XNNPACK thread pool at half the logical cores (`init_with_threads_count` in
 * tfjs-backend-wasm/src/cc/backend.cc: min(requested, 8, cores / 2)), reading the core count once as the wasm module
 * starts. So `setThreadsCount(2)` alone still gives 1 thread on a 2-core machine. Shadowing the getter with an own
 * property while the module starts lifts that cap; if the property cannot be shadowed the cap stays and the label
 * still reports the real count (`getThreadsCount()`).
 */
async function withLogicalCores<T>(cores: number, start: () => Promise<T>): Promise<T> {
  const nav = globalThis.navigator as (Navigator & { hardwareConcurrency: number }) | undefined;
  let shadowed = false;
  try {
    if (nav && nav.hardwareConcurrency < cores) {
      Object.defineProperty(nav, 'hardwareConcurrency', { value: cores, configurable: true });
      shadowed = true;
    }
  } catch {
    // A frozen navigator: keep tfjs's cap.
  }
  try {
    return await start();
  } finally {
    if (shadowed) delete (nav as { hardwareConcurrency?: number }).hardwareConcurrency;
  }
}

async function tryBackend(name: BackendName, options: BackendOptions): Promise<string | null> {
  let threads = 0; // wasm threads to ask for; 0 unless starting wasm in an isolated page
  try {
    if (name === 'wasm') {
      if (options.wasmPaths && !wasmPathsSet && !tf.findBackend('wasm')) {
        setWasmPaths(options.wasmPaths);
        wasmPathsSet = true;
      }
      // Threads need SharedArrayBuffer, which browsers only give cross-origin isolated pages.
      const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
      if (!isolated) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      else threads = options.wasmThreads ?? defaultWasmThreads(); // read only when wasm first starts
      directConvFailure = await loadDirectConv();
      registerWasmTrainingKernels();
    }
    if (name === 'cpu') registerCpuTrainingKernels();
    // Registers the 'webgpu' backend (when this browser has navigator.gpu); it has its own conv training kernels.
    if (name === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
    // tfjs refuses software WebGL (SwiftShader, llvmpipe) by default; when the reader asks for webgl, let it run.
    if (name === 'webgl' && options.preferred === 'webgl') tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
    if (threads > 0) setThreadsCount(threads);
    const ok = await withLogicalCores(2 * threads, () => tf.setBackend(name));
    if (!ok || tf.getBackend() !== name) return `tf.setBackend('${name}') failed`;
    await tf.ready();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Switches tfjs to the best working backend (see the module comment) and reports the choice. */
export async function chooseBackend(options: BackendOptions = {}): Promise<BackendChoice> {
  const skipped: BackendChoice['skipped'] = [];
  const order: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
  const candidates = options.preferred
    ? [options.preferred, ...order.filter((n) => n !== options.preferred)]
    : order;

  for (const name of candidates) {
    if (name === 'webgl' && options.preferred !== 'webgl') {
      const renderer = webglRenderer();
      if (renderer === null) {
        skipped.push({ name, why: 'no WebGL here' });
        continue;
      }
      if (isSoftwareRenderer(renderer)) {
        skipped.push({ name, why: `software renderer (${renderer}) is slower than wasm` });
        continue;
      }
    }
    if (name === 'webgpu' && options.preferred !== 'webgpu') continue; // only on request, see the module comment
    const failure = await tryBackend(name, options);
    if (failure === null) {
      // wasm always says how it runs: it is also the measured choice on most machines, not only a request.
      const reason =
        name === 'wasm'
          ? `wasm (${tf.env().getBool('WASM_HAS_SIMD_SUPPORT') ? 'SIMD' : 'no SIMD'}, ${plural(getThreadsCount(), 'thread')}) with the project's training kernels`
          : name === options.preferred
            ? `${name}, as requested`
            : name === 'webgl'
              ? 'webgl on a hardware GPU'
              : 'cpu, the slow last resort';
      const directMissing =
        name === 'wasm' && directConvFailure !== null
          ? `; its own SIMD kernel did not load (${directConvFailure}), so tfjs's route runs instead`
          : '';
      return { name, reason: reason + directMissing, skipped };
    }
    skipped.push({ name, why: failure });
  }
  throw new Error(`No tfjs backend could start: ${skipped.map((s) => `${s.name}: ${s.why}`).join('; ')}`);
}
