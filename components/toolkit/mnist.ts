/**
 * The `loadMnist` builtin: fetches the site's 10,000 MNIST digits once per page and splits them into the
 * fixed, seeded 8,000 / 2,000 train and test sets, normalised as PyTorch's examples do.
 */
import { asset } from '$app/paths';
import { loadMnistBin, MNIST_BIN_PATH, normalise, type MnistSet } from '../../src/lib/data/mnist';
import { splitTrainTest, type SplitOptions } from '../../src/lib/data/split';

/** Train and test digits: images (x/255 − 0.1307)/0.3081, 28·28 values per digit, and labels. */
export interface MnistData {
  /** 8,000 digits, each class 80 %. */
  train: MnistSet;
  /** 2,000 digits. */
  test: MnistSet;
}

const cache = new Map<string, Promise<MnistData>>();

/** loadMnist({seed, trainFraction}?) → Promise<{train, test}>. The same options give the same split. */
export function loadMnist(options: SplitOptions = {}): Promise<MnistData> {
  const key = JSON.stringify(options);
  let loaded = cache.get(key);
  if (!loaded) {
    loaded = loadMnistBin(asset(`/${MNIST_BIN_PATH}`)).then((raw) => splitTrainTest(normalise(raw), options));
    loaded.catch(() => cache.delete(key)); // a failed fetch is retried by the next call
    cache.set(key, loaded);
  }
  return loaded;
}
