import { describe, expect, it } from 'vitest';
import { bestEpoch, confusionMatrix, packWeights, unpackWeights } from './recording';

describe('packWeights() and unpackWeights()', () => {
  const specs = [
    { name: 'kernel', shape: [2, 3] },
    { name: 'bias', shape: [3] }
  ];
  const buffers = [new Float32Array([1, 2, 3, 4, 5, 6]).buffer, new Float32Array([7, 8, 9]).buffer];

  it('unpackWeights() gives back the buffers packWeights() joined', () => {
    const packed = packWeights(buffers);
    expect(packed.byteLength).toBe(36);
    const back = unpackWeights(packed.buffer as ArrayBuffer, specs).map((b) => [...new Float32Array(b)]);
    expect(back).toEqual([
      [1, 2, 3, 4, 5, 6],
      [7, 8, 9]
    ]);
  });

  it('unpackWeights() refuses a file of the wrong size', () => {
    expect(() => unpackWeights(new ArrayBuffer(8), specs)).toThrow(
      'The weights file has 8 bytes; the record expects 36.'
    );
  });
});

describe('confusionMatrix() and bestEpoch()', () => {
  it('confusionMatrix() counts [true digit][answer]', () => {
    const m = confusionMatrix([0, 1, 1, 2], [0, 1, 2, 2], 3);
    expect(m).toEqual([
      [1, 0, 0],
      [0, 1, 1],
      [0, 0, 1]
    ]);
  });

  it('bestEpoch() picks the highest test accuracy, the earliest on a tie', () => {
    const epochs = [0.97, 0.985, 0.985, 0.98].map((testAccuracy, i) => ({
      epoch: i + 1,
      testAccuracy,
      trainLoss: 0
    }));
    expect(bestEpoch(epochs)?.epoch).toBe(2);
    expect(bestEpoch([])).toBeUndefined();
  });
});
