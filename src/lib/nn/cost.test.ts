import { describe, expect, it } from 'vitest';
import {
  compareBottleneck,
  convCost,
  convMultAdds,
  convWeights,
  inception3a,
  inception3b,
  inceptionCost
} from './cost';

const lectureConv = { height: 28, width: 28, inChannels: 192, outChannels: 32, kernelSize: 5 };

describe('convolution cost', () => {
  it('convMultAdds() gives the lecture’s 120,422,400 for a 5×5 conv 192 → 32 on 28×28', () => {
    expect(convMultAdds(lectureConv)).toBe(120_422_400);
  });

  it('convWeights() gives 153,600 without biases and 153,632 with them', () => {
    expect(convWeights(lectureConv)).toBe(153_600);
    expect(convWeights(lectureConv, { bias: true })).toBe(153_632);
  });

  it('compareBottleneck() reproduces 2,408,448 + 10,035,200 = 12,443,648 and the ratio 9.68', () => {
    const c = compareBottleneck(lectureConv, 16);
    expect(c.direct.multAdds).toBe(120_422_400);
    expect(c.reduce.multAdds).toBe(2_408_448);
    expect(c.expand.multAdds).toBe(10_035_200);
    expect(c.bottleneck.multAdds).toBe(12_443_648);
    expect(c.ratio.toFixed(2)).toBe('9.68');
  });

  it('compareBottleneck() counts weights 153,600 → 15,872 (3,072 + 12,800)', () => {
    const c = compareBottleneck(lectureConv, 16);
    expect([c.direct.weights, c.reduce.weights, c.expand.weights, c.bottleneck.weights]).toEqual([
      153_600, 3_072, 12_800, 15_872
    ]);
    expect(compareBottleneck(lectureConv, 16, { bias: true }).bottleneck.weights).toBe(15_872 + 16 + 32);
  });

  it('convCost() of a 1×1 conv changes channels at H·W·Cin·Cout multiply-adds', () => {
    expect(convCost({ height: 1, width: 1, inChannels: 3, outChannels: 2, kernelSize: 1 })).toEqual({
      multAdds: 6,
      weights: 6
    });
  });

  it.each([
    ['height', { ...lectureConv, height: -1 }, /height must not be negative, got -1/],
    ['width', { ...lectureConv, width: 2.5 }, /width must be a whole number, got 2.5/],
    ['inChannels', { ...lectureConv, inChannels: 0 }, /inChannels must be at least 1, got 0/],
    ['outChannels', { ...lectureConv, outChannels: Number.NaN }, /outChannels must be a number/],
    ['kernelSize', { ...lectureConv, kernelSize: -3 }, /kernelSize must not be negative/]
  ])('convCost() rejects a bad %s with a message naming the field', (_field, size, message) => {
    expect(() => convCost(size)).toThrow(message);
  });

  it('compareBottleneck() rejects a non-integer bottleneck width by name', () => {
    expect(() => compareBottleneck(lectureConv, 1.5)).toThrow(/bottleneckWidth must be a whole number/);
  });
});

describe('GoogLeNet inception modules', () => {
  it.each([
    ['3a', inception3a, 128_049_152, 163_328, 256],
    ['3b', inception3b, 304_267_264, 388_096, 480]
  ])('inceptionCost() of (%s) gives %i ops and %i weights', (_name, spec, ops, weights, out) => {
    const cost = inceptionCost(spec);
    expect(cost.multAdds).toBe(ops);
    expect(cost.weights).toBe(weights);
    expect(cost.outChannels).toBe(out);
  });

  it('inceptionCost() with biases adds one per output channel of every conv', () => {
    // 3a: 64 + 96 + 128 + 16 + 32 + 32 biases.
    expect(inceptionCost(inception3a, { bias: true }).weights).toBe(163_328 + 368);
  });
});
