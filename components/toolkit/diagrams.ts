/**
 * The diagram functions cells call: each mounts one component from ./diagrams into a fresh element and
 * returns it (see mount.ts). Loaded on first use, so pages without diagrams never download them.
 */
import type * as tf from '@tensorflow/tfjs';
import type { CollapseSpec } from '../../src/lib/nn/collapse';
import { checkSize } from '../../src/lib/nn/cost';
import CostExplorer, { type CostSettings } from '../diagrams/CostExplorer.svelte';
import DigitPad from '../diagrams/DigitPad.svelte';
import DigitProbabilities from '../diagrams/DigitProbabilities.svelte';
import FeatureMaps from '../diagrams/FeatureMaps.svelte';
import LayerTable from '../diagrams/LayerTable.svelte';
import OneByOne from '../diagrams/OneByOne.svelte';
import LectureCode from '../diagrams/LectureCode.svelte';
import PytorchView from '../diagrams/PytorchView.svelte';
import ShapeFlow from '../diagrams/ShapeFlow.svelte';
import ConfusionMatrix from '../diagrams/ConfusionMatrix.svelte';
import MisreadDigits from '../diagrams/MisreadDigits.svelte';
import TrainingChart, { type Run } from '../diagrams/TrainingChart.svelte';
import TrainingStatus from '../diagrams/TrainingStatus.svelte';
import { blankDigit } from '../diagrams/digit';
import type { TrainingRecord } from '../../src/lib/train/recording';
import { mountDiagram, type DiagramElement } from './mount';
import { snapshotOf } from './training';

export type { CostSettings, Run };

/** The lecture's example: a 5×5 conv 192 → 32 on 28×28, with a 16-channel bottleneck. */
export const defaultCost: CostSettings = { h: 28, w: 28, cin: 192, cout: 32, k: 5, bottleneck: 16 };

/** shapeFlow(model, {collapse}): the model's tensors top to bottom, branches side by side. */
export function shapeFlow(model: unknown, options: { collapse?: CollapseSpec } = {}): DiagramElement {
  return mountDiagram(
    ShapeFlow,
    { model, collapse: options.collapse ?? 'none' },
    { className: 'shape-flow' }
  );
}

/** layerTable(model): the torchinfo-style table of layers, output shapes, params and mult-adds. */
export function layerTable(model: unknown): DiagramElement {
  return mountDiagram(LayerTable, { model }, { className: 'layer-table' });
}

/** costExplorer(settings?): inputs for H, W, Cin, Cout, k, bottleneck; a view of the current settings. */
export function costExplorer(settings: Partial<CostSettings> = {}): DiagramElement {
  const initial = { ...defaultCost, ...settings };
  return mountDiagram(
    CostExplorer,
    { initial },
    {
      className: 'cost-explorer',
      view: true,
      initialValue: { ...initial },
      restore: (value) => (isCostSettings(value) ? { initial: value } : null)
    }
  );
}

/** Settings from a share link are checked like typed ones: the six sizes, each a positive whole number. */
function isCostSettings(value: unknown): value is CostSettings {
  if (typeof value !== 'object' || value === null) return false;
  const sizes = value as Record<string, unknown>;
  const keys = Object.keys(defaultCost);
  if (Object.keys(sizes).length !== keys.length) return false;
  try {
    for (const key of keys) checkSize(key, sizes[key]);
    return true;
  } catch {
    return false;
  }
}

/** oneByOne({pixel, weights}?): one pixel's channels mixed by a 1×1 kernel, with editable weights. */
export function oneByOne(options: { pixel?: number[]; weights?: number[][] } = {}): DiagramElement {
  return mountDiagram(
    OneByOne,
    { pixel: options.pixel, weights: options.weights },
    { className: 'one-by-one' }
  );
}

/** trainingChart(runs): loss and accuracy against step, one line per run. Cheap: re-call it on every yield. */
export function trainingChart(runs: Run[] | Run): DiagramElement {
  const list = Array.isArray(runs) ? runs : [runs];
  return mountDiagram(TrainingChart, { runs: list }, { className: 'training-chart' });
}

/** One run's epochs, as epochChart takes them. */
export interface EpochRun {
  /** shown in the legend */
  name: string;
  /** one entry per epoch */
  epochs: { epoch: number; testAccuracy: number; trainLoss: number }[];
}

/** epochChart(runs): test accuracy and mean training loss against epoch, one line per run. */
export function epochChart(runs: EpochRun[] | EpochRun): DiagramElement {
  const list = (Array.isArray(runs) ? runs : [runs]).map((run) => ({
    name: run.name,
    points: run.epochs.map((e) => ({ step: e.epoch, loss: e.trainLoss, testAccuracy: e.testAccuracy }))
  }));
  return mountDiagram(
    TrainingChart,
    { runs: list, per: 'epoch' as const },
    { className: 'training-chart epoch-chart' }
  );
}

/**
 * trainingStatus(progress, {testCount}?): the status line of a train() or replay() snapshot, with
 * Pause/Resume/Stop, or of a recording read with recordedRun().
 */
export function trainingStatus(progress: unknown, options: { testCount?: number } = {}): DiagramElement {
  const record = progress as TrainingRecord;
  const snapshot = record && 'history' in record && !('step' in record) ? snapshotOf(record) : progress;
  return mountDiagram(
    TrainingStatus as never,
    { progress: snapshot, testCount: options.testCount },
    { className: 'training-status' }
  );
}

/** confusionMatrix(recordOrCounts): the 10×10 table of true digit against the net's answer. */
export function confusionMatrix(source: { confusion?: number[][] } | number[][]): DiagramElement {
  const counts = Array.isArray(source) ? source : source.confusion;
  if (!counts)
    throw new Error('confusionMatrix needs a recording with a confusion matrix, or the 10×10 counts.');
  return mountDiagram(ConfusionMatrix, { counts }, { className: 'confusion-matrix' });
}

/** misreadDigits(record, {limit}?): the test digits a recorded net gets wrong. */
export function misreadDigits(
  record: { misread?: { index: number; label: number; predicted: number }[]; misreadPixels?: string },
  options: { limit?: number } = {}
): DiagramElement {
  if (!record.misread || record.misreadPixels === undefined)
    throw new Error('misreadDigits needs a recording made with its misread digits (npm run pretrain).');
  return mountDiagram(
    MisreadDigits,
    { misread: record.misread, pixels: record.misreadPixels, limit: options.limit },
    { className: 'misread-digits' }
  );
}

/** featureMaps(model, image, {layers}?): the activations of chosen layers for one digit, as image grids. */
export function featureMaps(
  model: unknown,
  image: Float32Array | ArrayLike<number> | tf.Tensor,
  options: { layers?: string[]; scale?: 'shared' | 'per-map' } = {}
): DiagramElement {
  return mountDiagram(
    FeatureMaps,
    { model, image, layers: options.layers, scale: options.scale ?? 'shared' },
    { className: 'feature-maps' }
  );
}

/** digitPad(): draw a digit; a view whose value is a Float32Array(784) normalised like MNIST. */
export function digitPad(): DiagramElement {
  return mountDiagram(DigitPad, {}, { className: 'digit-pad', view: true, initialValue: blankDigit() });
}

/** digitProbabilities(model, image): the ten class probabilities the model gives one digit, as bars. */
export function digitProbabilities(model: unknown, image: ArrayLike<number>): DiagramElement {
  return mountDiagram(DigitProbabilities, { model, image }, { className: 'digit-probabilities' });
}

/** pytorchView(model): the model as a PyTorch module, with copy, "Download .py" and the weights. */
export function pytorchView(model: unknown): DiagramElement {
  return mountDiagram(PytorchView, { model }, { className: 'pytorch-view' });
}

/**
 * lectureCode(name, { beside, open }): the lecture's PyTorch code of a class or net (SimpleCNN, InceptionA,
 * InceptionNet, ResidualBlock, ResidualNet) behind one click, linked by name with the code of the cells `beside`.
 */
export function lectureCode(
  name: string,
  options: { beside?: string | string[]; open?: boolean } = {}
): DiagramElement {
  // Cells are named by id: a cell's output cannot be handed the elements of other cells.
  const ids = [options.beside ?? []].flat();
  const beside = () =>
    ids
      .map((id) => document.querySelector(`[data-cell-id="${CSS.escape(id)}"] .code`))
      .filter((e): e is Element => e !== null);
  return mountDiagram(
    LectureCode,
    { name, beside, open: options.open ?? false },
    { className: 'lecture-code' }
  );
}
