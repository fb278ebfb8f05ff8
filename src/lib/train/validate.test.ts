import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { defaultTrainOptions, type TrainOptions } from './protocol';
import { assertValid, layerProblems, optionProblems, outputProblems, type Problem } from './validate';
import { en, wordIn } from '../i18n/en';
import { zh } from '../i18n/zh';
import { word, type Wording } from '../i18n/worded';
import { buildResidualNet } from './testing/lectureNets';

tf.env().set('PROD', true); // no "install tfjs-node" banner

/** Problems as an English page words them. */
const english = (problems: Problem[]) => problems.map((problem) => wordIn(en.errors, problem));

describe('validate', () => {
  it.each([
    ['learningRate NaN', { learningRate: NaN }, 'learningRate must be a number, got NaN.'],
    ['learningRate 0', { learningRate: 0 }, 'learningRate must be greater than 0, got 0.'],
    ['learningRate −0.1', { learningRate: -0.1 }, 'learningRate must be greater than 0, got -0.1.'],
    [
      'learningRate 50',
      { learningRate: 50 },
      'learningRate 50 is too large (at most 10); the loss would diverge. Try 0.01.'
    ],
    ['batchSize 0', { batchSize: 0 }, 'batchSize must be a whole number of at least 1, got 0.'],
    ['batchSize 2.5', { batchSize: 2.5 }, 'batchSize must be a whole number of at least 1, got 2.5.'],
    ['batchSize 2000', { batchSize: 2000 }, 'batchSize 2000 is larger than the 1000 training examples.'],
    ['epochs 0', { epochs: 0 }, 'epochs must be a whole number of at least 1, got 0.'],
    ['optimizer rmsprop', { optimizer: 'rmsprop' }, `optimizer must be 'sgd' or 'adam', got "rmsprop".`],
    ['momentum 1', { momentum: 1 }, 'momentum must be in [0, 1), got 1.'],
    ['seed Infinity', { seed: Infinity }, 'seed must be a finite number, got Infinity.']
  ])('optionProblems() reports %s', (_, change, message) => {
    const options = { ...defaultTrainOptions, ...change } as TrainOptions;
    expect(english(optionProblems(options, 1000))).toEqual([message]);
  });

  it('optionProblems() accepts the defaults', () => {
    expect(optionProblems(defaultTrainOptions, 1000)).toEqual([]);
  });

  it.each([
    [[null, 10], []],
    [[null, 2], ["The model's output must have shape [batch, 10] (one score per digit), got [null, 2]."]],
    [
      [null, 4, 4, 10],
      ["The model's output must have shape [batch, 10] (one score per digit), got [null, 4, 4, 10]."]
    ]
  ])('outputProblems(%j) is %j', (shape, expected) => {
    expect(english(outputProblems(shape))).toEqual(expected);
  });

  it('layerProblems() accepts the lecture net built from tf.layers', () => {
    const model = buildResidualNet();
    expect(layerProblems(model.toJSON(null, false) as object)).toEqual([]);
    model.dispose();
  });

  it('layerProblems() names a layer class the worker does not know', () => {
    const model = buildResidualNet();
    const topology = model.toJSON(null, false) as {
      config: { layers: { class_name: string; config: { name: string } }[] };
    };
    topology.config.layers[1].class_name = 'MyFancyConv';
    const name = topology.config.layers[1].config.name;
    expect(english(layerProblems(topology))).toEqual([
      `Layer class MyFancyConv ("${name}") cannot be rebuilt in the training worker; register it with tf.serialization.registerClass in the worker or use built-in layers.`
    ]);
    model.dispose();
  });

  it('assertValid() throws one error listing every problem', () => {
    expect(() => assertValid(['a.', 'b.'])).toThrow('Cannot train: a. b.');
    expect(() => assertValid([])).not.toThrow();
  });

  it('assertValid() throws a worded error that a Chinese page words in Chinese', () => {
    const problems = optionProblems({ ...defaultTrainOptions, batchSize: 2000, learningRate: 50 }, 1000);
    let error: { message: string; wording: Wording } | undefined;
    try {
      assertValid(problems);
    } catch (e) {
      error = e as typeof error;
    }
    expect(error?.message).toBe(
      'Cannot train: learningRate 50 is too large (at most 10); the loss would diverge. Try 0.01. ' +
        'batchSize 2000 is larger than the 1000 training examples.'
    );
    expect(word(error!.wording, zh)).toBe(
      '无法训练：学习率 learningRate 为 50 太大了（最多 10），损失会发散。试试 0.01。' +
        '批量大小 batchSize 为 2000，比训练样本总数 1000 还大。'
    );
  });
});
