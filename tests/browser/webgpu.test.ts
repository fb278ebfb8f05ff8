/**
 * Training on WebGPU (issue 14), in Chromium started with --enable-unsafe-webgpu on http://127.0.0.1. Here its
 * only adapter is SwiftShader, a software GPU: good for correctness, its speed says nothing. Without any adapter
 * these tests fail (they do not skip): a browser that offers none cannot check the webgpu path.
 */
import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs } from './harness';

const outDir = join(tmpdir(), 'webgpu-browser-test');
const wasmDir = 'node_modules/@tensorflow/tfjs-backend-wasm/dist';

let browser: Browser;
let server: Server;
let page: Page;

function serve(): Promise<string> {
  server = createServer(async (req, res) => {
    const url = req.url ?? '/';
    try {
      if (url === '/') {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        return res.end('<!doctype html><script type="module" src="/webgpu-page.js"></script>');
      }
      const wasm = url.startsWith('/wasm/');
      const body = await readFile(wasm ? join(wasmDir, url.slice(6)) : join(outDir, url.slice(1)));
      res.writeHead(200, { 'Content-Type': wasm ? 'application/wasm' : 'text/javascript' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}/`)
    )
  );
}

beforeAll(async () => {
  await build({
    entryPoints: ['tests/browser/pages/webgpu-page.ts'],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    outdir: outDir,
    logLevel: 'error'
  });
  const url = await serve();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...chromiumArgs, '--enable-unsafe-webgpu']
  });
  page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => 'ready' in globalThis);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

function call<T>(name: string, arg?: unknown): Promise<T> {
  return page.evaluate(
    ([f, a]) => (globalThis as unknown as Record<string, (x: unknown) => Promise<unknown>>)[f as string](a),
    [name, arg] as const
  ) as Promise<T>;
}

interface Timings {
  measurements: { backend: string; samplesPerSec: number | null; error?: string }[];
  skipped: { backend: string; why: string }[];
}

describe('webgpu', () => {
  it('the test browser offers a WebGPU adapter, and it is classified as software (SwiftShader)', async () => {
    const { info, kind } = await call<{ info: { architecture?: string } | null; kind: string }>('adapter');
    expect(
      info,
      'no WebGPU adapter: start Chromium with --enable-unsafe-webgpu on a secure origin'
    ).not.toBeNull();
    expect(info!.architecture).toBe('swiftshader');
    expect(kind).toBe('software');
  });

  it.each(['inception', 'residual'])(
    'the %s net’s gradients on webgpu match the stock cpu backend',
    async (net) => {
      const { count, errors } = await call<{ count: number; errors: number[] }>('gradientParity', net);
      expect(count).toBe(net === 'inception' ? 34 : 14);
      // The wasm kernels' bound (registerTrainingKernels.test.ts): float32 sums in another order, nothing more.
      expect(Math.max(...errors)).toBeLessThan(1e-4);
    },
    180_000
  );

  it.each(['inception', 'residual'])(
    'training the %s net on webgpu leaks no tensor and no GPU buffer',
    async (net) => {
      const { before, counts, after } = await call<{
        before: number;
        counts: { tensors: number; dataIds: number }[];
        after: number;
      }>('leaks', net);
      expect(counts[1]).toEqual(counts[0]);
      expect(after).toBe(before);
    },
    180_000
  );

  it('the chooser skips the software adapter by default and times only wasm', async () => {
    const timed = await call<Timings>('chooser', false);
    expect(timed.skipped).toContainEqual({ backend: 'webgpu', why: 'software' });
    expect(timed.measurements.map((m) => m.backend)).toEqual(['wasm']);
    expect(timed.measurements[0].samplesPerSec).toBeGreaterThan(0);
  }, 120_000);

  it('forced to, the chooser times webgpu on the software adapter too', async () => {
    const timed = await call<Timings>('chooser', true);
    const webgpu = timed.measurements.find((m) => m.backend === 'webgpu');
    expect(webgpu?.error).toBeUndefined();
    expect(webgpu?.samplesPerSec).toBeGreaterThan(0);
  }, 300_000);
});
