/**
 * The .safetensors format (Hugging Face's): an 8-byte little-endian header length N, N bytes of JSON mapping each
 * tensor name to `{ dtype, shape, data_offsets: [begin, end] }` (offsets into the data that follows the header),
 * then the tensors' raw little-endian bytes, row-major. The header is padded with spaces so the data starts at a
 * multiple of 8, as the reference writer does. An optional "__metadata__" entry holds string → string pairs.
 */

/** One tensor: float32 values, or int64 (BatchNorm's num_batches_tracked). */
export type SafeTensor =
  | { dtype: 'F32'; shape: number[]; data: Float32Array }
  | { dtype: 'I64'; shape: number[]; data: BigInt64Array };

const bytesPer = { F32: 4, I64: 8 } as const;

/** Writes tensors (in the given order) and optional metadata as the bytes of a .safetensors file. */
export function writeSafetensors(
  tensors: [string, SafeTensor][],
  metadata: Record<string, string> = {}
): Uint8Array {
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length) header.__metadata__ = metadata;
  let offset = 0;
  for (const [name, t] of tensors) {
    const count = t.shape.reduce((a, b) => a * b, 1);
    if (count !== t.data.length) {
      throw new RangeError(
        `${name}: shape [${t.shape}] holds ${count} values but ${t.data.length} were given`
      );
    }
    const size = count * bytesPer[t.dtype];
    header[name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + size] };
    offset += size;
  }
  let json = JSON.stringify(header);
  const encoder = new TextEncoder();
  while ((8 + encoder.encode(json).length) % 8 !== 0) json += ' ';
  const head = encoder.encode(json);
  const bytes = new Uint8Array(8 + head.length + offset);
  const view = new DataView(bytes.buffer);
  view.setBigUint64(0, BigInt(head.length), true);
  bytes.set(head, 8);
  let at = 8 + head.length;
  for (const [, t] of tensors) {
    const size = bytesPer[t.dtype];
    t.data.forEach((v: number | bigint, i: number) => {
      if (t.dtype === 'F32') view.setFloat32(at + 4 * i, v as number, true);
      else view.setBigInt64(at + 8 * i, v as bigint, true);
    });
    at += t.data.length * size;
  }
  return bytes;
}

/** The tensors and metadata of a .safetensors file (F32 and I64 tensors; other dtypes are refused by name). */
export function readSafetensors(bytes: Uint8Array): {
  tensors: Map<string, SafeTensor>;
  metadata: Record<string, string>;
} {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 8)
    throw new RangeError('not a .safetensors file: shorter than its 8-byte header length');
  const n = Number(view.getBigUint64(0, true));
  if (8 + n > bytes.length) throw new RangeError('not a .safetensors file: its header runs past the end');
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n))) as Record<
    string,
    { dtype: string; shape: number[]; data_offsets: [number, number] }
  >;
  const tensors = new Map<string, SafeTensor>();
  let metadata: Record<string, string> = {};
  const base = 8 + n;
  for (const [name, info] of Object.entries(header)) {
    if (name === '__metadata__') {
      metadata = info as unknown as Record<string, string>;
      continue;
    }
    const [begin, end] = info.data_offsets;
    if (base + end > bytes.length || begin > end)
      throw new RangeError(`${name}: data runs past the end of the file`);
    if (info.dtype === 'F32') {
      const data = new Float32Array((end - begin) / 4);
      for (let i = 0; i < data.length; i++) data[i] = view.getFloat32(base + begin + 4 * i, true);
      tensors.set(name, { dtype: 'F32', shape: info.shape, data });
    } else if (info.dtype === 'I64') {
      const data = new BigInt64Array((end - begin) / 8);
      for (let i = 0; i < data.length; i++) data[i] = view.getBigInt64(base + begin + 8 * i, true);
      tensors.set(name, { dtype: 'I64', shape: info.shape, data });
    } else {
      throw new RangeError(`${name}: dtype ${info.dtype} is not read here (only F32 and I64)`);
    }
  }
  return { tensors, metadata };
}
