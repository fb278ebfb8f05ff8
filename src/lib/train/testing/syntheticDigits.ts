/**
 * Test helper: a seeded, learnable stand-in for MNIST. Each image is noise plus a bright 6×6 block whose position
 * encodes the label, so a conv net's loss drops within a few dozen steps. (Real MNIST lives in src/lib/data.)
 */
import type { DataSlice } from '../protocol';
import { mulberry32 } from '../random';

export function syntheticDigits(count: number, seed = 1): DataSlice {
  const random = mulberry32(seed);
  const images = new Float32Array(count * 784);
  const labels = new Uint8Array(count);
  for (let n = 0; n < count; n++) {
    const label = Math.floor(random() * 10);
    labels[n] = label;
    const top = 3 + Math.floor(label / 5) * 12;
    const left = 2 + (label % 5) * 5;
    for (let i = 0; i < 784; i++) images[n * 784 + i] = random() * 0.5 - 0.4;
    for (let r = top; r < top + 6; r++) {
      for (let c = left; c < left + 5; c++) images[n * 784 + r * 28 + c] += 2.5;
    }
  }
  return { images, labels };
}
