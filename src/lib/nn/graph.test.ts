import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { messages } from '../i18n';
import { word, wordingOf } from '../i18n/worded';
import { analyseModel, kindOf } from './graph';
import { inceptionNet, plainStack, residualNet } from './nets';
import { formatLayerTable, layerTable } from './table';
import { buildModel, Conv2d, input, Sequential } from './layers';

describe('analyseModel()', () => {
  const inception = analyseModel(inceptionNet());
  const node = (id: string) => inception.nodes.find((n) => n.id === id)!;

  it('labels a concat with its parts and a flatten with its factors', () => {
    expect(node('incep1/concat')).toMatchObject({
      kind: 'concat',
      concatParts: [16, 24, 24, 24],
      note: '16+24+24+24 = 88'
    });
    expect(node('flatten')).toMatchObject({
      kind: 'flatten',
      flattenFactors: [88, 4, 4],
      note: '88·4·4 = 1408',
      shape: [1408]
    });
  });

  it('folds the avg-pool’s ZeroPadding2D into the pool, which reads padding 1 like PyTorch', () => {
    expect(inception.nodes.some((n) => n.kind === 'pad')).toBe(false);
    expect(node('incep1/avg_pool')).toMatchObject({
      padding: 1,
      kernelSize: [3, 3],
      strides: [1, 1],
      inputs: ['relu']
    });
    expect(node('incep1/branch5x5_2').padding).toBe(2);
  });

  it('lists nodes branch by branch in topological order, with both shape orders', () => {
    expect(inception.nodes.slice(0, 8).map((n) => n.id)).toEqual([
      'input',
      'conv1',
      'mp',
      'relu',
      'incep1/branch1x1',
      'incep1/branch5x5_1',
      'incep1/branch5x5_2',
      'incep1/branch3x3_1'
    ]);
    expect(node('conv2')).toMatchObject({ shape: [20, 8, 8], nhwc: [null, 8, 8, 20], shapeLabel: '20×8×8' });
    expect(node('relu').outputs).toEqual([
      'incep1/branch1x1',
      'incep1/branch5x5_1',
      'incep1/branch3x3_1',
      'incep1/avg_pool'
    ]);
  });

  it('counts multiply-adds Hout·Wout·Cout·k²·Cin for convs and in·out for dense', () => {
    expect(node('incep1/branch5x5_2').multAdds).toBe(12 * 12 * 24 * 25 * 16);
    expect(node('fc').multAdds).toBe(14_080);
    expect(node('mp').multAdds).toBe(0);
    expect(inception.totals).toEqual({
      params: 97_298,
      buffers: 0,
      multAdds: 6_019_200,
      activationBytes: 206_568
    });
  });

  it('groups layers into blocks by name prefix', () => {
    const block = inception.blocks.find((b) => b.id === 'incep1')!;
    expect(block.nodes).toHaveLength(9);
    expect(block.inputs).toEqual(['relu']);
    expect(block.outputs).toEqual(['incep1/concat']);
  });

  it('marks the identity input of a residual add as its skip edge', () => {
    const graph = analyseModel(residualNet());
    expect(graph.nodes.find((n) => n.id === 'rblock1/add')?.skipInput).toBe('mp');
    expect(graph.edges.filter((e) => e.skip)).toEqual([
      { from: 'mp', to: 'rblock1/add', skip: true },
      { from: 'mp_2', to: 'rblock2/add', skip: true }
    ]);
    expect(graph.totals.multAdds).toBe(2_013_184);
  });

  it('reports BatchNorm running statistics as buffers, not parameters', () => {
    expect(analyseModel(plainStack(8)).totals).toMatchObject({ params: 14_362, buffers: 224 });
  });

  it('works on a tf.sequential model', () => {
    const model = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 3, padding: 'same' }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 10 })
      ]
    });
    const graph = analyseModel(model);
    expect(graph.nodes.map((n) => [n.kind, n.shapeLabel])).toEqual([
      ['input', '1×28×28'],
      ['conv', '8×28×28'],
      ['flatten', '6272'],
      ['dense', '10']
    ]);
    expect(graph.totals.params).toBe(model.countParams());
  });

  it('counts a shared layer’s parameters once', () => {
    const conv = Conv2d(4, 4, 3, { padding: 1, name: 'shared' });
    const x0 = input([4, 8, 8]);
    const graph = analyseModel(buildModel(x0, Sequential(conv, conv)(x0)));
    expect(graph.nodes.map((n) => [n.id, n.params, n.sharedWith])).toEqual([
      ['input', 0, undefined],
      ['shared', 148, undefined],
      ['shared#2', 0, 'shared']
    ]);
  });

  it.each([
    ['null', null, 'expected a tf.LayersModel (tf.model, tf.sequential or buildModel), got null'],
    ['a number', 42, 'got number'],
    ['a tensor', tf.zeros([2]), 'got Tensor'],
    ['an empty tf.sequential', tf.sequential(), 'has no known input shape yet']
  ])('rejects %s with a clear message', (_what, value, message) => {
    expect(() => analyseModel(value as tf.LayersModel)).toThrow(message);
  });

  it('reports what it rejects as a catalogue key, so a Chinese page words it in Chinese', () => {
    const error = (() => {
      try {
        analyseModel(42 as unknown as tf.LayersModel);
      } catch (thrown) {
        return thrown;
      }
    })();
    const wording = wordingOf(error)!;
    expect(wording).toEqual({ key: 'notLayersModel', params: { got: 'number' } });
    expect(word(wording, messages('zh'))).toContain('传入的却是 number');
  });

  it.each([
    ['Conv2D', 'conv'],
    ['DepthwiseConv2D', 'conv'],
    ['GlobalAveragePooling2D', 'pool'],
    ['BatchNormalization', 'batchnorm'],
    ['ReLU', 'activation'],
    ['Concatenate', 'concat'],
    ['Add', 'add'],
    ['Dropout', 'dropout'],
    ['Lambda', 'other']
  ])('kindOf(%s) is %s', (className, kind) => {
    expect(kindOf(className)).toBe(kind);
  });
});

describe('layerTable()', () => {
  it('prints the residual net like torchinfo', () => {
    const table = layerTable(residualNet());
    expect(table.rows[1]).toEqual({
      layer: 'conv1',
      type: 'Conv2d(1, 16, kernel_size=5)',
      block: null,
      outputShape: '16×24×24',
      tfjsShape: '[null,24,24,16]',
      params: 416,
      multAdds: 230_400
    });
    expect(formatLayerTable(table)).toMatchSnapshot();
  });
});
