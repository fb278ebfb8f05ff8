import { describe, expect, it } from 'vitest';
import type * as tf from '@tensorflow/tfjs';
import { inceptionNet, plainStack, residualNet, residualStack, simpleCnn } from './nets';
import { formatShape } from './provenance';

/** [layer name, output shape as PyTorch prints it (C×H×W, no batch), parameters (PyTorch's count)] */
type Row = [string, string, number];

function rowsOf(model: tf.LayersModel, names: string[]): Row[] {
  return names.map((name) => {
    const layer = model.getLayer(name);
    return [name, formatShape(layer.outputShape as number[]), layer.countParams()];
  });
}

describe('the lecture’s nets', () => {
  it('inceptionNet() has PyTorch’s shapes and 97,298 parameters', () => {
    const expected: Row[] = [
      ['conv1', '10×24×24', 260], // 10·1·5·5 + 10
      ['mp', '10×12×12', 0],
      ['relu', '10×12×12', 0],
      ['incep1/branch1x1', '16×12×12', 176], // 16·10 + 16
      ['incep1/branch5x5_1', '16×12×12', 176],
      ['incep1/branch5x5_2', '24×12×12', 9624], // 24·16·25 + 24
      ['incep1/branch3x3_1', '16×12×12', 176],
      ['incep1/branch3x3_2', '24×12×12', 3480], // 24·16·9 + 24
      ['incep1/branch3x3_3', '24×12×12', 5208], // 24·24·9 + 24
      ['incep1/avg_pool', '10×12×12', 0],
      ['incep1/branch_pool', '24×12×12', 264], // 24·10 + 24
      ['incep1/concat', '88×12×12', 0],
      ['conv2', '20×8×8', 44020], // 20·88·25 + 20
      ['mp_2', '20×4×4', 0],
      ['incep2/branch1x1', '16×4×4', 336], // 16·20 + 16
      ['incep2/branch_pool', '24×4×4', 504], // 24·20 + 24
      ['incep2/concat', '88×4×4', 0],
      ['flatten', '1408', 0],
      ['fc', '10', 14090] // 1408·10 + 10
    ];
    const model = inceptionNet();
    expect(
      rowsOf(
        model,
        expected.map((r) => r[0])
      )
    ).toEqual(expected);
    // 260 + (72·10 + 18384) + 44020 + (72·20 + 18384) + 14090: an InceptionA has 72·Cin + 18,384 parameters.
    expect(model.countParams()).toBe(97_298);
  });

  it('residualNet() has PyTorch’s shapes and 41,514 parameters', () => {
    const expected: Row[] = [
      ['conv1', '16×24×24', 416], // 16·25 + 16
      ['mp', '16×12×12', 0],
      ['rblock1/conv1', '16×12×12', 2320], // 16·16·9 + 16
      ['rblock1/conv2', '16×12×12', 2320],
      ['rblock1/add', '16×12×12', 0],
      ['conv2', '32×8×8', 12832], // 32·16·25 + 32
      ['mp_2', '32×4×4', 0],
      ['rblock2/conv1', '32×4×4', 9248], // 32·32·9 + 32
      ['rblock2/relu2', '32×4×4', 0],
      ['flatten', '512', 0],
      ['fc', '10', 5130] // 512·10 + 10
    ];
    const model = residualNet();
    expect(
      rowsOf(
        model,
        expected.map((r) => r[0])
      )
    ).toEqual(expected);
    expect(model.countParams()).toBe(41_514);
  });

  it('simpleCnn() is the previous lecture’s 8,490-parameter CNN with 320 features before fc', () => {
    const model = simpleCnn();
    expect(rowsOf(model, ['conv1', 'conv2', 'flatten', 'fc'])).toEqual([
      ['conv1', '10×24×24', 260],
      ['conv2', '20×8×8', 5020],
      ['flatten', '320', 0],
      ['fc', '10', 3210]
    ]);
    expect(model.countParams()).toBe(8_490);
  });

  it.each([
    // PyTorch params: stem 144 + BN 32, (N−2)·(2304 + 32), fc 170. tfjs adds BN's running mean/var (32 per BN).
    [8, 14_362, 7],
    [20, 42_394, 19]
  ])(
    'plainStack(%i) has %i PyTorch parameters (BN running stats are tfjs weights too)',
    (depth, params, bns) => {
      const model = plainStack(depth);
      expect(model.countParams()).toBe(params + 32 * bns);
      expect(formatShape(model.getLayer('conv1').outputShape as number[])).toBe('16×14×14');
      expect(formatShape(model.getLayer('avgpool').outputShape as number[])).toBe('16×1×1');
      expect(formatShape(model.outputs[0].shape)).toBe('10');
    }
  );

  it('residualStack(depth) has the same parameters as plainStack(depth) plus depth−2 over 2 adds', () => {
    const plain = plainStack(20);
    const residual = residualStack(20);
    expect(residual.countParams()).toBe(plain.countParams());
    expect(residual.layers.filter((l) => l.getClassName() === 'Add')).toHaveLength(9);
  });

  it.each([[9], [1]])('residualStack(%i) explains which depths are allowed', (depth) => {
    expect(() => residualStack(depth)).toThrow(/2 \+ an even number|at least/);
  });

  it('the same seed gives identical weights and another seed different ones', () => {
    const first = (m: tf.LayersModel) =>
      Array.from(m.getLayer('incep1/branch5x5_2').getWeights()[0].dataSync().slice(0, 5));
    expect(first(inceptionNet({ seed: 1 }))).toEqual(first(inceptionNet({ seed: 1 })));
    expect(first(inceptionNet({ seed: 1 }))).not.toEqual(first(inceptionNet({ seed: 2 })));
  });

  it('initial weights follow PyTorch’s default bound 1/√fan_in', () => {
    const weights = residualNet().getLayer('conv2').getWeights();
    const bound = 1 / Math.sqrt(16 * 25);
    for (const w of weights) {
      const values = w.dataSync();
      expect(Math.max(...values)).toBeLessThanOrEqual(bound);
      expect(Math.min(...values)).toBeGreaterThanOrEqual(-bound);
    }
  });
});
