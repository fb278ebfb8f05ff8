/**
 * Loads the project's own wasm SIMD module (assembly/directConv.ts, compiled by `npm run wasm`) and runs its
 * zero-skipping input gradient of stride-1 'valid' convolutions.
 *
 * The module has its own memory, separate from tfjs's wasm heap: each call copies dy and the filter in and dx out.
 * Those copies are a few percent of the arithmetic for the layers it serves. Loading is asynchronous (browsers may
 * not compile wasm synchronously on the main thread), so the backend chooser awaits `loadDirectConv()` before
 * training; until it has loaded, or if it fails, the kernel falls back to the existing route.
 */

interface DirectConvExports {
  memory: WebAssembly.Memory;
  swapFilter(w: number, wt: number, taps: number, ci: number, co: number, cip: number): void;
  inputGradValid(
    dy: number,
    wt: number,
    zero: number,
    dx: number,
    batch: number,
    h: number,
    w: number,
    oh: number,
    ow: number,
    kh: number,
    kw: number,
    co: number,
    cip: number
  ): void;
  compact(dx: number, rows: number, w: number, ci: number, cip: number): void;
}

let module: DirectConvExports | null = null;
let loading: Promise<string | null> | null = null;

/** The compiled module's bytes: from the file in Node, over the site's own server in a page or worker. */
async function wasmBytes(): Promise<BufferSource> {
  // A literal `new URL(…, import.meta.url)`: Vite copies the file into the build and rewrites this to its URL.
  const url = new URL('./assembly/build/directConv.wasm', import.meta.url);
  if (url.protocol === 'file:') {
    type NodeModules = { readFileSync(path: URL): Uint8Array<ArrayBuffer> };
    const fs = (
      globalThis as { process?: { getBuiltinModule?: (name: string) => NodeModules } }
    ).process?.getBuiltinModule?.('node:fs');
    if (!fs) throw new Error('no node:fs to read the kernel module with');
    return fs.readFileSync(url);
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

/** Loads the module once; resolves to null when it is ready, or to why it could not load (then stays unused). */
export function loadDirectConv(): Promise<string | null> {
  loading ??= (async () => {
    try {
      const { instance } = await WebAssembly.instantiate(await wasmBytes());
      module = instance.exports as unknown as DirectConvExports;
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  })();
  return loading;
}

/** True once `loadDirectConv()` has succeeded. */
export function directConvLoaded(): boolean {
  return module !== null;
}

/** Shape of one input-gradient call: dx [batch, h, w, ci] from dy [batch, oh, ow, co] and filter [kh, kw, ci, co]. */
export interface InputGradShape {
  batch: number;
  h: number;
  w: number;
  ci: number;
  co: number;
  kh: number;
  kw: number;
}

const align = (bytes: number) => (bytes + 15) & ~15;

/**
 * Writes dx of a stride-1 'valid' convolution into `dx` (length batch·h·w·ci), from `dy` and `filter` in tfjs's
 * NHWC / [KH, KW, Ci, Co] layouts. Call only after `loadDirectConv()` resolved to null.
 */
export function inputGradValid(
  dy: Float32Array,
  filter: Float32Array,
  dx: Float32Array,
  { batch, h, w, ci, co, kh, kw }: InputGradShape
): void {
  const m = module!;
  const oh = h - kh + 1;
  const ow = w - kw + 1;
  const cip = (ci + 7) & ~7;
  const wp = (w + 3) & ~3;
  // Layout (bytes): zero row | swapped filter | filter | dy | dx.
  const zero = 0;
  const wt = align(co * 4);
  const raw = wt + align(kh * kw * co * cip * 4);
  const dyAt = raw + align(filter.length * 4);
  const dxAt = dyAt + align(dy.length * 4);
  const end = dxAt + batch * h * wp * cip * 4;
  const missing = end - m.memory.buffer.byteLength;
  if (missing > 0) m.memory.grow(Math.ceil(missing / 65536));

  const heap = new Float32Array(m.memory.buffer);
  heap.fill(0, zero / 4, (zero + co * 4) / 4);
  heap.set(filter, raw / 4);
  heap.set(dy, dyAt / 4);
  m.swapFilter(raw, wt, kh * kw, ci, co, cip);
  m.inputGradValid(dyAt, wt, zero, dxAt, batch, h, w, oh, ow, kh, kw, co, cip);
  m.compact(dxAt, batch * h, w, ci, cip);
  dx.set(heap.subarray(dxAt / 4, dxAt / 4 + dx.length));
}
