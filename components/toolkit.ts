/**
 * The lecture toolkit as cell builtins: the nn builders and nets, graph and cost maths, the diagrams and
 * MNIST. Every entry is a function the runtime calls only when a cell first reads that name, and each one
 * imports its code then, so a page that never draws a diagram never downloads d3, KaTeX or the components.
 * The page hands these to <Notebook builtins={toolkitBuiltins()}>; the runtime never imports components.
 */
import type { Messages } from '../src/lib/i18n';
import type { Builtins } from '../src/runtime/builtins';
import { loadTf } from '../src/runtime/tf';

type NnModule = typeof import('../src/lib/nn/index');

// Models are built after the backend is chosen, so their weights live where cells will run them.
const nnModule = () => loadTf().then(() => import('../src/lib/nn/index'));
const pytorchModule = () => loadTf().then(() => import('../src/lib/pytorch/index'));

/** A File (from a file input), Blob, ArrayBuffer or bytes, as bytes. */
async function bytesOf(file: Blob | ArrayBuffer | Uint8Array): Promise<Uint8Array> {
  if (file instanceof Uint8Array) return file;
  if (file instanceof ArrayBuffer) return new Uint8Array(file);
  return new Uint8Array(await file.arrayBuffer());
}

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
  'digitProbabilities',
  'pytorchView',
  'lectureCode',
  'epochChart',
  'trainingStatus',
  'confusionMatrix',
  'misreadDigits'
] as const;

/** The toolkit for a page whose diagrams speak `catalogue`'s language. */
export function toolkitBuiltins(catalogue: Messages): Builtins {
  // Whatever mounts a component into a cell first learns the page's language (see toolkit/mount.ts).
  const speaking =
    <M>(load: () => Promise<M>) =>
    () =>
      Promise.all([load(), import('./toolkit/mount')]).then(([module, mount]) => {
        mount.useDiagramWords(catalogue);
        return module;
      });
  const diagrams = speaking(() => import('./toolkit/diagrams'));
  const exercises = speaking(() => import('./toolkit/exercise'));
  const training = speaking(() => import('./toolkit/training'));
  const mnist = speaking(() => import('./toolkit/mnist'));
  const builtins: Builtins = {
    nn: nnModule,
    analyse: () => nnModule().then((m) => m.analyseModel),
    costOf: () => nnModule().then((m) => m.convCost),
    compareBottleneck: () => nnModule().then((m) => m.compareBottleneck),
    loadMnist: () => mnist().then((m) => m.loadMnist),
    mnistFiles: () => import('./toolkit/mnist-files').then((m) => m.mnistFiles),
    train: () => training().then((m) => m.train),
    replay: () => training().then((m) => m.replay),
    exercise: () => exercises().then((m) => m.exercise),
    recordedRun: () => training().then((m) => m.recordedRun),
    pytorchCode: () => pytorchModule().then((m) => m.pytorchCode),
    pytorchWeights: () => pytorchModule().then((m) => m.pytorchWeights),
    loadPytorchWeights: () =>
      pytorchModule().then(
        (m) =>
          async (
            model: Parameters<typeof m.loadPytorchWeights>[0],
            file: Blob | ArrayBuffer | Uint8Array
          ) => {
            m.loadPytorchWeights(model, await bytesOf(file));
            return model;
          }
      )
  };
  for (const name of nnNames) builtins[name] = () => nnModule().then((m) => m[name]);
  for (const name of diagramNames) builtins[name] = () => diagrams().then((m) => m[name]);
  return builtins;
}
