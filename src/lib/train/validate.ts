/**
 * Checks a training request before any work starts, so a mistake in a cell gives one clear sentence naming the
 * problem and the offending value instead of a stack trace from deep inside tfjs (or, worse, a silent NaN).
 */
import * as tf from '@tensorflow/tfjs';
import { WordedError, type Wording } from '../i18n/worded';
import type { TrainOptions } from './protocol';

/** One problem: a catalogue wording (the page words it), or a finished English sentence. */
export type Problem = Wording | string;

/** The largest learning rate we accept; anything above diverges at once on these nets. */
export const maxLearningRate = 10;

/** Problems with the options for `trainCount` training examples (empty when all is well). */
export function optionProblems(options: TrainOptions, trainCount: number): Problem[] {
  const problems: Problem[] = [];
  const { learningRate: lr, batchSize, epochs, momentum } = options;
  if (typeof lr !== 'number' || Number.isNaN(lr))
    problems.push({ key: 'lrNotNumber', params: { value: String(lr) } });
  else if (lr <= 0) problems.push({ key: 'lrNotPositive', params: { value: lr } });
  else if (lr > maxLearningRate) {
    problems.push({ key: 'lrTooLarge', params: { value: lr, max: maxLearningRate } });
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    problems.push({ key: 'batchNotWhole', params: { value: String(batchSize) } });
  } else if (batchSize > trainCount) {
    problems.push({ key: 'batchTooLarge', params: { value: batchSize, count: trainCount } });
  }
  if (!Number.isInteger(epochs) || epochs < 1)
    problems.push({ key: 'epochsNotWhole', params: { value: String(epochs) } });
  if (options.optimizer !== 'sgd' && options.optimizer !== 'adam') {
    problems.push({ key: 'optimizerUnknown', params: { value: JSON.stringify(options.optimizer) } });
  }
  if (typeof momentum !== 'number' || !(momentum >= 0 && momentum < 1)) {
    problems.push({ key: 'momentumRange', params: { value: String(momentum) } });
  }
  if (!Number.isFinite(options.seed))
    problems.push({ key: 'seedNotFinite', params: { value: String(options.seed) } });
  if (options.schedule !== undefined) problems.push(...scheduleProblems(options.schedule));
  if (trainCount < 1) problems.push({ key: 'noExamples', params: undefined });
  return problems;
}

function scheduleProblems(schedule: TrainOptions['schedule']): Problem[] {
  const problems: Problem[] = [];
  const milestones = schedule?.milestones;
  if (!Array.isArray(milestones) || !milestones.every((m) => Number.isInteger(m) && m >= 1)) {
    problems.push({ key: 'milestonesNotSteps', params: { value: JSON.stringify(milestones) } });
  } else if (milestones.some((m, i) => i > 0 && m <= milestones[i - 1])) {
    problems.push({ key: 'milestonesNotIncreasing', params: { value: JSON.stringify(milestones) } });
  }
  const gamma = schedule?.gamma;
  if (typeof gamma !== 'number' || !(gamma > 0 && gamma <= 1)) {
    problems.push({ key: 'gammaRange', params: { value: String(gamma) } });
  }
  return problems;
}

/** Problems with the model's output: it must give one score per digit class, shape [batch, 10]. */
export function outputProblems(outputShape: (number | null)[]): Problem[] {
  const ok = outputShape.length === 2 && outputShape[1] === 10;
  return ok ? [] : [{ key: 'outputShape', params: { shape: outputShape.map(String).join(', ') } }];
}

interface LayerJson {
  class_name: string;
  config?: { name?: string; layers?: LayerJson[] };
}

/** Problems with layers the worker cannot rebuild from `model.toJSON()` (custom classes it has never seen). */
export function layerProblems(modelTopology: object): Problem[] {
  const known = tf.serialization.SerializationMap.getMap().classNameMap;
  const problems: Problem[] = [];
  const visit = (layer: LayerJson) => {
    const isContainer =
      layer.class_name === 'Sequential' || layer.class_name === 'Model' || layer.class_name === 'Functional';
    if (!isContainer && !(layer.class_name in known)) {
      problems.push({
        key: 'layerUnknown',
        params: { className: layer.class_name, layer: layer.config?.name }
      });
    }
    for (const child of layer.config?.layers ?? []) visit(child);
  };
  visit(modelTopology as LayerJson);
  return problems;
}

/** Throws one error listing every problem (worded by the page, in its language), or returns when the request is fine. */
export function assertValid(problems: Problem[]): void {
  if (problems.length > 0) throw new WordedError('cannotTrain', { problems });
}
