/**
 * Tells a hardware GPU from a software one, for WebGPU and WebGL alike. A software adapter (SwiftShader, llvmpipe,
 * WARP…) runs shaders on the CPU and trains slower than wasm, so the backend chooser leaves it out unless asked.
 * Free of DOM apart from the optional `navigator.gpu`: runs in a Web Worker and in Node.
 */

/** The fields of WebGPU's `GPUAdapterInfo` we read, plus `isFallbackAdapter` (on the adapter or, newer, its info). */
export interface AdapterInfo {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

/** Where a GPU backend would run: a real GPU, a software renderer, or nowhere (no WebGPU / WebGL here). */
export type GpuKind = 'hardware' | 'software' | 'none';

/** True for renderer strings of software GPUs (SwiftShader, llvmpipe, …), which train slower than wasm. */
export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|lavapipe|softpipe|software|basic render|microsoft basic|mesa offscreen|\bwarp\b/i.test(
    renderer
  );
}

/** Classifies a WebGPU adapter: the fallback flag, or a software name in any of its info strings. */
export function classifyAdapter(info: AdapterInfo | null): GpuKind {
  if (!info) return 'none';
  if (info.isFallbackAdapter) return 'software';
  const text = [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ');
  return isSoftwareRenderer(text) ? 'software' : 'hardware';
}

/** Classifies a WebGL renderer string (null: no WebGL here). */
export function classifyRenderer(renderer: string | null): GpuKind {
  if (renderer === null) return 'none';
  return isSoftwareRenderer(renderer) ? 'software' : 'hardware';
}

/** Short text for the reader and for logs, e.g. "swiftshader" or "nvidia ampere". */
export function describeAdapter(info: AdapterInfo): string {
  return [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'unnamed adapter';
}

interface GpuLike {
  requestAdapter(options?: object): Promise<
    | (AdapterInfo & {
        info?: AdapterInfo;
        requestAdapterInfo?: () => Promise<AdapterInfo>;
      })
    | null
  >;
}

/**
 * The info of the adapter tfjs's webgpu backend would get (it asks for 'high-performance'), or null when this
 * browser offers none (no WebGPU, or Chromium without a usable GPU and without --enable-unsafe-webgpu).
 */
export async function webgpuAdapterInfo(
  gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu
): Promise<AdapterInfo | null> {
  if (!gpu) return null;
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return null;
    const info = adapter.info ?? (await adapter.requestAdapterInfo?.()) ?? {};
    const pick = ({ vendor, architecture, device, description }: AdapterInfo) => ({
      vendor,
      architecture,
      device,
      description
    });
    return {
      ...pick(info),
      isFallbackAdapter: Boolean(adapter.isFallbackAdapter ?? info.isFallbackAdapter)
    };
  } catch {
    return null;
  }
}
