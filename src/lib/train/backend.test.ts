import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { chooseBackend, defaultWasmThreads, isSoftwareRenderer, webglRenderer } from './backend';
import { directConvLoaded } from './kernels/directConv';

describe('chooseBackend', () => {
  it.each([
    ['Google SwiftShader', true],
    ['ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)', true],
    ['llvmpipe (LLVM 15.0.6, 256 bits)', true],
    ['Microsoft Basic Render Driver', true],
    ['ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)', false],
    ['Apple M1', false],
    ['Mesa Intel(R) UHD Graphics 620 (KBL GT2)', false]
  ])('isSoftwareRenderer(%j) is %s', (renderer, expected) => {
    expect(isSoftwareRenderer(renderer)).toBe(expected);
  });

  it.each([
    [1, 1],
    [2, 2],
    [4, 4],
    [16, 4]
  ])('defaultWasmThreads(%i cores) is %i', (cores, expected) => {
    expect(defaultWasmThreads(cores)).toBe(expected);
  });

  it('webglRenderer() is null where there is no OffscreenCanvas (Node)', () => {
    expect(webglRenderer()).toBeNull();
  });

  it('chooseBackend() picks wasm in Node and says webgl was skipped', async () => {
    const choice = await chooseBackend();
    expect(choice.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(choice.skipped.map((s) => s.name)).toEqual(['webgl']);
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
    // The project's own SIMD module loaded (else the reason says it did not).
    expect(directConvLoaded()).toBe(true);
    expect(choice.reason).not.toMatch(/did not load/);
  });

  it('chooseBackend({ preferred: "cpu" }) switches to cpu with the project kernel', async () => {
    const choice = await chooseBackend({ preferred: 'cpu' });
    expect(choice).toMatchObject({ name: 'cpu', reason: 'cpu, as requested' });
    expect(tf.getBackend()).toBe('cpu');
  });

  it('chooseBackend({ preferred: "webgl" }) falls back to wasm when webgl cannot start', async () => {
    const choice = await chooseBackend({ preferred: 'webgl' });
    expect(choice.name).toBe('wasm');
    expect(choice.skipped[0].name).toBe('webgl');
  });
});
