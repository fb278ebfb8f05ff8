/**
 * The lecture toolkit as cell builtins: the nn builders and nets, graph and cost maths, the diagrams and
 * MNIST. Every entry is a function the runtime calls only when a cell first reads that name, and each one
 * imports its code then, so a page that never draws a diagram never downloads d3, KaTeX or the components.
 * The page hands these to <Notebook builtins={toolkitBuiltins()}>; the runtime never imports components.
 */
import type { Builtins } from '../src/runtime/builtins';
import { loadTf } from '../src/runtime/tf';

type NnModule = typeof import('../src/lib/nn/index');

// Models are built after the backend is chosen, so their weights live where cells will run them.
const nnModule = () => loadTf().then(() => import('../src/lib/nn/index'));
const diagrams = () => import('./toolkit/diagrams');

/** The nn exports a cell can use by their bare names (the rest are under `nn.`). */
const nnNames = [
  'Conv2d',
  'MaxPool2d',
  'AvgPool2d',
  'Linear',
  'relu',
  'cat',
  'add',
  'flatten',
  'input',
  'buildModel',
  'InceptionA',
  'ResidualBlock',
  'inceptionNet',
  'residualNet',
  'simpleCnn',
  'plainStack',
  'residualStack',
  'gradientNorms'
] as const satisfies readonly (keyof NnModule)[];

const diagramNames = [
  'shapeFlow',
  'layerTable',
  'costExplorer',
  'oneByOne',
  'trainingChart',
  'featureMaps',
  'digitPad',
  'epochChart',
  'trainingStatus',
  'confusionMatrix',
  'misreadDigits'
] as const;

export function toolkitBuiltins(): Builtins {
  const builtins: Builtins = {
    nn: nnModule,
    analyse: () => nnModule().then((m) => m.analyseModel),
    costOf: () => nnModule().then((m) => m.convCost),
    compareBottleneck: () => nnModule().then((m) => m.compareBottleneck),
    loadMnist: () => import('./toolkit/mnist').then((m) => m.loadMnist),
    mnistFiles: () => import('./toolkit/mnist-files').then((m) => m.mnistFiles),
    train: () => import('./toolkit/training').then((m) => m.train),
    replay: () => import('./toolkit/training').then((m) => m.replay),
    recordedRun: () => import('./toolkit/training').then((m) => m.recordedRun),
    exercise: () => import('./toolkit/exercise').then((m) => m.exercise)
  };
  for (const name of nnNames) builtins[name] = () => nnModule().then((m) => m[name]);
  for (const name of diagramNames) builtins[name] = () => diagrams().then((m) => m[name]);
  return builtins;
}
