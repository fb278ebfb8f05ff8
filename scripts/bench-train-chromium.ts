/**
 * Training speed of the lecture's nets in headless Chromium, through the real worker (src/lib/train/worker.ts) with
 * wasm + the project's kernels. Bundles the page and the worker with esbuild, serves them with and without
 * cross-origin isolation (which allows wasm threads), and prints one JSON object per line.
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
    entryPoints: { page: 'scripts/bench-train-page.ts', worker: 'src/lib/train/worker.ts' },
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

async function main() {
  await bundle();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--enable-unsafe-swiftshader']
  });
  try {
    for (const isolated of [false, true]) {
      const server = await serve(isolated);
      const page = await browser.newPage();
      page.on('pageerror', (error) => console.error('page error:', error.message));
      await page.goto(server.url);
      await page.waitForFunction(() => 'runBench' in globalThis);
      for (const [net, steps] of [
        ['inception', 30],
        ['residual', 60]
      ] as const) {
        const result = await page.evaluate(
          (request) =>
            (globalThis as unknown as { runBench: (r: object) => Promise<object> }).runBench(request),
          { net, warmup: 3, steps }
        );
        console.log(
          JSON.stringify({
            ...result,
            kernels: 'project',
            where: 'chromium',
            batch: 64
          })
        );
      }
      await page.close();
      server.close();
    }
  } finally {
    await browser.close();
  }
}

main();
