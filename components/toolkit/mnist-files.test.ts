import { describe, expect, it } from 'vitest';
import { roleOf } from './mnist-files';

describe('roleOf()', () => {
  it.each([
    ['train-images-idx3-ubyte.gz', 'trainImages'],
    ['train-labels-idx1-ubyte.gz', 'trainLabels'],
    ['t10k-images-idx3-ubyte', 'testImages'],
    ['T10K-LABELS-IDX1-UBYTE.GZ', 'testLabels'],
    ['mnist.npz', null]
  ])('roleOf(%j) is %j', (name, role) => {
    expect(roleOf(name)).toBe(role);
  });
});
