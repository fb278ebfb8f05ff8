/**
 * The lecture's nets in headless Chromium, through the real worker (src/lib/train/worker.ts). Bundles the page and
 * the workers with esbuild, serves them, and prints one JSON object per line (contract 5: each has net, backend,
 * where, batch and samplesPerSec):
 *   - wasm + the project's kernels, without and with cross-origin isolation (which allows wasm threads), with the
 *     main thread's longest task (PerformanceObserver 'longtask') and longest timer delay while training runs;
 *   - webgl, forced (SwiftShader here: a software GPU), a couple of steps only since it is slow;
 *   - tensors alive in one worker before and after 5 trainings of 3 epochs;
 *   - stock wasm, which cannot train a conv net (expected to report an error).
 * Takes about 1.5 minutes.
 *
 *   npx tsx scripts/bench-train-chromium.ts
 */
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const outDir = join(tmpdir(), 'bench-train-chromium');
const wasmDir = 'node_modules/@tensorflow/tfjs-backend-wasm/dist';

async function bundle() {
  await build({
    entryPoints: {
      page: 'scripts/bench-train-page.ts',
      worker: 'src/lib/train/worker.ts',
      'bench-worker': 'scripts/bench-train-worker.ts'
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    outdir: outDir,
    logLevel: 'error'
  });
}

function serve(isolated: boolean) {
  const server = createServer(async (req, res) => {
    const url = req.url ?? '/';
    const headers: Record<string, string> = isolated
      ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }
      : {};
    try {
      if (url === '/') {
        res.writeHead(200, { ...headers, 'Content-Type': 'text/html' });
        res.end('<!doctype html><script type="module" src="/page.js"></script>');
      } else if (url.startsWith('/wasm/')) {
        const body = await readFile(join(wasmDir, url.slice('/wasm/'.length)));
        res.writeHead(200, { ...headers, 'Content-Type': 'application/wasm' });
        res.end(body);
      } else {
        const body = await readFile(join(outDir, url.slice(1)));
        res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' });
        res.end(body);
      }
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise<{ url: string; close: () => void }>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${address.port}/`, close: () => server.close() });
    })
  );
}

const print = (record: object) => console.log(JSON.stringify(record));
const common = { where: 'chromium', batch: 64 };

type BenchPage = Awaited<ReturnType<Awaited<ReturnType<typeof chromium.launch>>['newPage']>>;

/** Calls one of the functions scripts/bench-train-page.ts puts on globalThis. */
function call(page: BenchPage, name: string, arg?: unknown): Promise<Record<string, unknown>> {
  return page.evaluate(
    ([f, a]) => (globalThis as unknown as Record<string, (x: unknown) => Promise<object>>)[f as string](a),
    [name, arg] as const
  ) as Promise<Record<string, unknown>>;
}

async function main() {
  await bundle();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--enable-unsafe-swiftshader']
  });
  const open = async (isolated: boolean) => {
    const server = await serve(isolated);
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(server.url);
    await page.waitForFunction(() => 'runBench' in globalThis);
    return {
      page,
      close: async () => {
        await page.close();
        server.close();
      }
    };
  };
  try {
    for (const isolated of [false, true]) {
      const { page, close } = await open(isolated);
      for (const [net, steps] of [
        ['inception', 30],
        ['residual', 60]
      ] as const) {
        const result = await call(page, 'runBench', { net, warmup: 3, steps });
        print({ ...result, kernels: 'project', ...common });
      }
      await close();
    }

    const { page, close } = await open(false);
    // Software WebGL needs seconds per batch: one warm-up step (shader compilation) and one timed step.
    for (const net of ['inception', 'residual'] as const) {
      const result = await call(page, 'runBench', { net, warmup: 1, steps: 1, backend: 'webgl' });
      print({ ...result, kernels: 'stock', ...common });
    }
    const memory = await call(page, 'tensorsAfterRestarts');
    print({
      figure: 'tensors after 3 epochs and 5 restarts',
      net: 'residual, inception (alternating)',
      backend: 'wasm',
      kernels: 'project',
      ...common,
      where: 'chromium worker',
      samplesPerSec: null,
      ...memory
    });
    // Last: a failing stock run may leave tensors behind on this page.
    for (const net of ['inception', 'residual'] as const) {
      const result = await call(page, 'stockWasm', net);
      print({ net, backend: 'wasm', kernels: 'stock', ...common, where: 'chromium main thread', ...result });
    }
    await close();
  } finally {
    await browser.close();
  }
}

main();
