import { describe, expect, it } from 'vitest';
import { normalise } from './mnist';
import { oneHot, toTensors } from './tensors';

describe('MNIST tensors', () => {
  it('toTensors() makes NHWC images and one-hot labels for a slice', () => {
    const set = normalise({
      count: 3,
      rows: 2,
      cols: 2,
      pixels: new Uint8Array(12).fill(255),
      labels: Uint8Array.from([1, 2, 3])
    });
    const { xs, ys } = toTensors(set, 1, 3);
    expect(xs.shape).toEqual([2, 2, 2, 1]);
    expect(Array.from(ys.argMax(-1).dataSync())).toEqual([2, 3]);
    xs.dispose();
    ys.dispose();
  });

  it('oneHot() puts a single 1 at the label', () => {
    const t = oneHot(Uint8Array.from([3]));
    expect(Array.from(t.dataSync())).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    t.dispose();
  });
});
