import { describe, expect, it } from 'vitest';
import { readSafetensors, writeSafetensors } from './safetensors';

describe('writeSafetensors()', () => {
  const bytes = writeSafetensors(
    [
      ['a.weight', { dtype: 'F32', shape: [2, 2], data: new Float32Array([1, 2, 3, 4]) }],
      ['a.bias', { dtype: 'F32', shape: [1], data: new Float32Array([-0.5]) }],
      ['bn.num_batches_tracked', { dtype: 'I64', shape: [], data: new BigInt64Array([7n]) }]
    ],
    { format: 'pt' }
  );
  const view = new DataView(bytes.buffer);
  const n = Number(view.getBigUint64(0, true));
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n)));

  it('starts with the header length as a little-endian u64, padded so the data starts at a multiple of 8', () => {
    expect((8 + n) % 8).toBe(0);
    expect(bytes.length).toBe(8 + n + 16 + 4 + 8);
  });

  it('names every tensor with its dtype, shape and byte offsets into the data, in order', () => {
    expect(header).toEqual({
      __metadata__: { format: 'pt' },
      'a.weight': { dtype: 'F32', shape: [2, 2], data_offsets: [0, 16] },
      'a.bias': { dtype: 'F32', shape: [1], data_offsets: [16, 20] },
      'bn.num_batches_tracked': { dtype: 'I64', shape: [], data_offsets: [20, 28] }
    });
  });

  it('writes the values little-endian: float32 and int64', () => {
    expect(view.getFloat32(8 + n + 12, true)).toBe(4);
    expect(view.getFloat32(8 + n + 16, true)).toBe(-0.5);
    expect(view.getBigInt64(8 + n + 20, true)).toBe(7n);
  });

  it('reads back what it wrote (readSafetensors)', () => {
    const { tensors, metadata } = readSafetensors(bytes);
    expect(metadata).toEqual({ format: 'pt' });
    expect([...tensors.keys()]).toEqual(['a.weight', 'a.bias', 'bn.num_batches_tracked']);
    expect(Array.from(tensors.get('a.weight')!.data as Float32Array)).toEqual([1, 2, 3, 4]);
    expect(tensors.get('bn.num_batches_tracked')!.data[0]).toBe(7n);
  });

  it('refuses a shape that does not hold the values given', () => {
    expect(() => writeSafetensors([['x', { dtype: 'F32', shape: [3], data: new Float32Array(2) }]])).toThrow(
      'x: shape [3] holds 3 values but 2 were given'
    );
  });
});
