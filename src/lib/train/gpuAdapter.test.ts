import { describe, expect, it } from 'vitest';
import { classifyAdapter, classifyRenderer, webgpuAdapterInfo } from './gpuAdapter';

describe('classifyAdapter', () => {
  it.each([
    [{ vendor: 'google', architecture: 'swiftshader', description: '' }, 'software'],
    [{ vendor: 'mesa', architecture: '', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' }, 'software'],
    [{ vendor: 'microsoft', architecture: '', description: 'Microsoft Basic Render Driver' }, 'software'],
    [{ vendor: 'nvidia', architecture: 'ampere', description: 'NVIDIA GeForce RTX 3060' }, 'hardware'],
    [{ vendor: 'apple', architecture: 'metal-3', description: '' }, 'hardware'],
    [{ vendor: 'intel', architecture: 'gen-12lp', isFallbackAdapter: true }, 'software'],
    [{}, 'hardware']
  ])('%j is %s', (info, kind) => {
    expect(classifyAdapter(info)).toBe(kind);
  });

  it('no adapter is none', () => {
    expect(classifyAdapter(null)).toBe('none');
    expect(classifyRenderer(null)).toBe('none');
  });

  it('classifies WebGL renderer strings the same way', () => {
    expect(
      classifyRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)')
    ).toBe('software');
    expect(classifyRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(
      'hardware'
    );
  });
});

describe('webgpuAdapterInfo', () => {
  it('is null without navigator.gpu (Node) and when the browser offers no adapter', async () => {
    expect(await webgpuAdapterInfo()).toBeNull();
    expect(await webgpuAdapterInfo({ requestAdapter: async () => null })).toBeNull();
  });

  it('reads adapter.info and the fallback flag', async () => {
    const info = await webgpuAdapterInfo({
      requestAdapter: async () => ({
        isFallbackAdapter: true,
        info: { vendor: 'google', architecture: 'swiftshader', device: '', description: '' }
      })
    });
    expect(info).toMatchObject({ architecture: 'swiftshader', isFallbackAdapter: true });
    expect(classifyAdapter(info)).toBe('software');
  });
});
