import { describe, expect, it } from 'vitest';
import {
  backendsToMeasure,
  choiceStorageKey,
  deviceSignature,
  fastestBackend,
  loadChoice,
  measuredChoice,
  rankMeasurements,
  readerChoice,
  saveChoice,
  type KeyValueStore
} from './backendChoice';

function memoryStore(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

describe('backendsToMeasure', () => {
  it('times GPU backends only on a hardware adapter, wasm always', () => {
    expect(backendsToMeasure({ webgpu: 'hardware', webgl: 'hardware' }).measure).toEqual([
      'webgpu',
      'webgl',
      'wasm'
    ]);
    expect(backendsToMeasure({ webgpu: 'software', webgl: 'software' })).toEqual({
      measure: ['wasm'],
      skipped: [
        { backend: 'webgpu', why: 'software' },
        { backend: 'webgl', why: 'software' }
      ]
    });
    expect(backendsToMeasure({ webgpu: 'none', webgl: 'hardware' }).skipped).toEqual([
      { backend: 'webgpu', why: 'none' }
    ]);
  });

  it('times a software adapter when asked, but never a missing one', () => {
    expect(backendsToMeasure({ webgpu: 'software', webgl: 'none' }, true).measure).toEqual([
      'webgpu',
      'wasm'
    ]);
  });
});

describe('ranking', () => {
  const timings = [
    { backend: 'wasm' as const, samplesPerSec: 1150 },
    { backend: 'webgl' as const, samplesPerSec: null, error: 'context lost' },
    { backend: 'webgpu' as const, samplesPerSec: 2310 }
  ];

  it('puts the fastest first and failures last', () => {
    expect(rankMeasurements(timings).map((m) => m.backend)).toEqual(['webgpu', 'wasm', 'webgl']);
    expect(fastestBackend(timings)).toBe('webgpu');
  });

  it('has no fastest when nothing trained; the record then keeps wasm', () => {
    const failed = [{ backend: 'wasm' as const, samplesPerSec: null }];
    expect(fastestBackend(failed)).toBeNull();
    expect(measuredChoice('d', failed, []).backend).toBe('wasm');
  });
});

describe('remembering', () => {
  const device = deviceSignature('Mozilla/5.0 Chrome/156', 8);
  const choice = measuredChoice(device, [{ backend: 'webgpu', samplesPerSec: 2310 }], []);

  it('gives back what this device stored, and the reader’s switch', () => {
    const store = memoryStore();
    expect(loadChoice(store, device)).toBeNull();
    saveChoice(store, choice);
    expect(loadChoice(store, device)).toEqual(choice);
    saveChoice(store, readerChoice(choice, 'wasm'));
    expect(loadChoice(store, device)).toMatchObject({
      backend: 'wasm',
      by: 'reader',
      measurements: choice.measurements
    });
  });

  it('measures again for another browser or core count, and ignores damaged records', () => {
    const store = memoryStore();
    saveChoice(store, choice);
    expect(loadChoice(store, deviceSignature('Mozilla/5.0 Chrome/157', 8))).toBeNull();
    expect(loadChoice(store, deviceSignature('Mozilla/5.0 Chrome/156', 4))).toBeNull();
    store.map.set(choiceStorageKey, '{not json');
    expect(loadChoice(store, device)).toBeNull();
    store.map.set(choiceStorageKey, JSON.stringify({ ...choice, backend: 'tpu' }));
    expect(loadChoice(store, device)).toBeNull();
  });

  it('a storage that refuses writes (private mode) is no error', () => {
    const store: KeyValueStore = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      }
    };
    expect(() => saveChoice(store, choice)).not.toThrow();
  });
});
