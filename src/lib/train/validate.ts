/**
 * Checks a training request before any work starts, so a mistake in a cell gives one clear sentence naming the
 * problem and the offending value instead of a stack trace from deep inside tfjs (or, worse, a silent NaN).
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainOptions } from './protocol';

/** The largest learning rate we accept; anything above diverges at once on these nets. */
export const maxLearningRate = 10;

/** Problems with the options for `trainCount` training examples (empty when all is well). */
export function optionProblems(options: TrainOptions, trainCount: number): string[] {
  const problems: string[] = [];
  const { learningRate: lr, batchSize, epochs, momentum } = options;
  if (typeof lr !== 'number' || Number.isNaN(lr))
    problems.push(`learningRate must be a number, got ${String(lr)}.`);
  else if (lr <= 0) problems.push(`learningRate must be greater than 0, got ${lr}.`);
  else if (lr > maxLearningRate) {
    problems.push(
      `learningRate ${lr} is too large (at most ${maxLearningRate}); the loss would diverge. Try 0.01.`
    );
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    problems.push(`batchSize must be a whole number of at least 1, got ${String(batchSize)}.`);
  } else if (batchSize > trainCount) {
    problems.push(`batchSize ${batchSize} is larger than the ${trainCount} training examples.`);
  }
  if (!Number.isInteger(epochs) || epochs < 1)
    problems.push(`epochs must be a whole number of at least 1, got ${String(epochs)}.`);
  if (options.optimizer !== 'sgd' && options.optimizer !== 'adam') {
    problems.push(`optimizer must be 'sgd' or 'adam', got ${JSON.stringify(options.optimizer)}.`);
  }
  if (typeof momentum !== 'number' || !(momentum >= 0 && momentum < 1)) {
    problems.push(`momentum must be in [0, 1), got ${String(momentum)}.`);
  }
  if (!Number.isFinite(options.seed))
    problems.push(`seed must be a finite number, got ${String(options.seed)}.`);
  if (options.schedule !== undefined) problems.push(...scheduleProblems(options.schedule));
  if (trainCount < 1) problems.push('There are no training examples.');
  return problems;
}

function scheduleProblems(schedule: TrainOptions['schedule']): string[] {
  const problems: string[] = [];
  const milestones = schedule?.milestones;
  if (!Array.isArray(milestones) || !milestones.every((m) => Number.isInteger(m) && m >= 1)) {
    problems.push(
      `schedule.milestones must be a list of whole step numbers ≥ 1, got ${JSON.stringify(milestones)}.`
    );
  } else if (milestones.some((m, i) => i > 0 && m <= milestones[i - 1])) {
    problems.push(`schedule.milestones must increase, got ${JSON.stringify(milestones)}.`);
  }
  const gamma = schedule?.gamma;
  if (typeof gamma !== 'number' || !(gamma > 0 && gamma <= 1)) {
    problems.push(`schedule.gamma must be in (0, 1], got ${String(gamma)}.`);
  }
  return problems;
}

/** Problems with the model's output: it must give one score per digit class, shape [batch, 10]. */
export function outputProblems(outputShape: (number | null)[]): string[] {
  const ok = outputShape.length === 2 && outputShape[1] === 10;
  return ok
    ? []
    : [
        `The model's output must have shape [batch, 10] (one score per digit), got [${outputShape.map(String).join(', ')}].`
      ];
}

interface LayerJson {
  class_name: string;
  config?: { name?: string; layers?: LayerJson[] };
}

/** Problems with layers the worker cannot rebuild from `model.toJSON()` (custom classes it has never seen). */
export function layerProblems(modelTopology: object): string[] {
  const known = tf.serialization.SerializationMap.getMap().classNameMap;
  const problems: string[] = [];
  const visit = (layer: LayerJson) => {
    const isContainer =
      layer.class_name === 'Sequential' || layer.class_name === 'Model' || layer.class_name === 'Functional';
    if (!isContainer && !(layer.class_name in known)) {
      const name = layer.config?.name ? ` ("${layer.config.name}")` : '';
      problems.push(
        `Layer class ${layer.class_name}${name} cannot be rebuilt in the training worker; register it with tf.serialization.registerClass in the worker or use built-in layers.`
      );
    }
    for (const child of layer.config?.layers ?? []) visit(child);
  };
  visit(modelTopology as LayerJson);
  return problems;
}

/** Throws one Error listing every problem, or returns when the request is fine. */
export function assertValid(problems: string[]): void {
  if (problems.length > 0) throw new Error(`Cannot train: ${problems.join(' ')}`);
}
