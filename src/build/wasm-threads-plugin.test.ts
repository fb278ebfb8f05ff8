import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { detachFactory } from './wasm-threads-plugin';

const path = createRequire(import.meta.url).resolve(
  '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js'
);
const source = readFileSync(path, 'utf8');

describe('the threaded wasm factory', () => {
  it('reads nothing from the scope around it once detached', () => {
    const detached = detachFactory(source);
    // The factory is what `return (` hands back; the only _scriptDir left is the outer declaration.
    const factory = detached.slice(detached.indexOf('return (\nfunction(WasmBackendModuleThreadedSimd)'));
    expect(source.slice(source.indexOf('return (\nfunction(WasmBackendModuleThreadedSimd)'))).toContain('_scriptDir');
    expect(factory).not.toContain('_scriptDir');
    expect(detached.length).toBeLessThan(source.length);
  });

  it('fails loudly when tfjs changes the code it edits', () => {
    expect(() => detachFactory('var x = 1;')).toThrow(/tfjs-backend-wasm changed/);
  });
});
