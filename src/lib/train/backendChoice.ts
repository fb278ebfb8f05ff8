/**
 * The measuring backend chooser's pure part: which backends to time, which won, and remembering the outcome per
 * device so the timing happens once. (The timing itself runs in the training worker: measureBackends.ts.)
 *
 * Why measure rather than rank by name: on one machine WebGPU beats wasm, on another an integrated GPU loses to a
 * threaded wasm, and a software GPU (SwiftShader) always loses — only a few timed steps tell.
 */
import type { BackendName } from './backend';
import type { GpuKind } from './gpuAdapter';

/** One backend's timed training steps: samples per second, or why it could not train. */
export interface Measurement {
  backend: BackendName;
  /** null when the backend failed to start or to train. */
  samplesPerSec: number | null;
  /** English, for logs, when it failed. */
  error?: string;
}

/** A backend not timed, and why (e.g. its adapter is a software renderer). */
export interface Skipped {
  backend: BackendName;
  why: 'software' | 'none';
}

/**
 * The backends worth timing here, in a fixed order: webgpu and webgl only on a hardware GPU unless
 * `allowSoftware`; wasm always (it needs no GPU). cpu is never timed: it is the fallback when all else fails.
 */
export function backendsToMeasure(
  gpus: { webgpu: GpuKind; webgl: GpuKind },
  allowSoftware = false
): { measure: BackendName[]; skipped: Skipped[] } {
  const measure: BackendName[] = [];
  const skipped: Skipped[] = [];
  for (const backend of ['webgpu', 'webgl'] as const) {
    const kind = gpus[backend];
    if (kind === 'hardware' || (kind === 'software' && allowSoftware)) measure.push(backend);
    else skipped.push({ backend, why: kind === 'none' ? 'none' : 'software' });
  }
  measure.push('wasm');
  return { measure, skipped };
}

/** Fastest first; backends that failed last, in their original order. */
export function rankMeasurements(measurements: Measurement[]): Measurement[] {
  const speed = (m: Measurement) => m.samplesPerSec ?? -1;
  return [...measurements].sort((a, b) => speed(b) - speed(a));
}

/** The backend that trained fastest, or null when none trained at all. */
export function fastestBackend(measurements: Measurement[]): BackendName | null {
  const best = rankMeasurements(measurements)[0];
  return best && best.samplesPerSec !== null ? best.backend : null;
}

/** What a device remembers: the figures, and the backend in use (the fastest, or the reader's pick). */
export interface RememberedChoice {
  /** Bumped when the stored shape or the meaning of the figures changes: older records are measured again. */
  version: 1;
  /** The device and browser the figures belong to (see deviceSignature). */
  device: string;
  backend: BackendName;
  /** 'measured': the fastest; 'reader': picked by hand. */
  by: 'measured' | 'reader';
  measurements: Measurement[];
  skipped: Skipped[];
}

export const choiceStorageKey = 'cnn-notebooks:training-backend';

/**
 * The browser and core count: a browser update can change a backend's speed (new WebGPU, new wasm SIMD), so the
 * figures are kept only for the browser that measured them. localStorage already keeps them to this device.
 */
export function deviceSignature(userAgent: string, cores: number): string {
  return `${userAgent} | ${cores} cores`;
}

/** The minimal storage API (localStorage, or a Map-backed fake in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const backendNames = new Set<string>(['webgpu', 'webgl', 'wasm', 'cpu']);

/** The remembered choice for this device, or null when none, another device's, or unreadable. */
export function loadChoice(store: KeyValueStore, device: string): RememberedChoice | null {
  let value: unknown;
  try {
    value = JSON.parse(store.getItem(choiceStorageKey) ?? 'null');
  } catch {
    return null;
  }
  const record = value as Partial<RememberedChoice> | null;
  if (!record || record.version !== 1 || record.device !== device) return null;
  if (!backendNames.has(String(record.backend)) || !Array.isArray(record.measurements)) return null;
  if (record.by !== 'measured' && record.by !== 'reader') return null;
  return { ...(record as RememberedChoice), skipped: Array.isArray(record.skipped) ? record.skipped : [] };
}

/** Stores a choice; a full or forbidden storage (private mode) only means measuring again next time. */
export function saveChoice(store: KeyValueStore, choice: RememberedChoice): void {
  try {
    store.setItem(choiceStorageKey, JSON.stringify(choice));
  } catch {
    // Nothing to do: the figures are shown anyway.
  }
}

/** The record after fresh measurements: the fastest backend, or wasm when nothing trained (cpu stays the fallback). */
export function measuredChoice(
  device: string,
  measurements: Measurement[],
  skipped: Skipped[]
): RememberedChoice {
  return {
    version: 1,
    device,
    backend: fastestBackend(measurements) ?? 'wasm',
    by: 'measured',
    measurements,
    skipped
  };
}

/** The reader switched backend: keep the figures, remember the pick. */
export function readerChoice(previous: RememberedChoice, backend: BackendName): RememberedChoice {
  return { ...previous, backend, by: 'reader' };
}
