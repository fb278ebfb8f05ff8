/**
 * The lecture's nets in headless Chromium, through the real worker (src/lib/train/worker.ts). Bundles the page and
 * the workers with esbuild, serves them, and prints one JSON object per line (contract 5: each has net, backend,
 * where, batch and samplesPerSec):
 *   - wasm + the project's kernels, without cross-origin isolation (1 thread) and with it (which allows wasm threads:
 *     1 thread, then the project's default), each the median of a few alternating runs (other jobs on the machine
 *     skew single runs), with the threads tfjs really uses, the main thread's longest task (PerformanceObserver
 *     'longtask') and longest timer delay while training runs (worst run). Each run first waits (up to 30 s) for the
 *     CPUs to be quiet, since threads are slowed most by other jobs;
 *   - webgl, forced (SwiftShader here: a software GPU), a couple of steps only since it is slow;
 *   - tensors alive in one worker before and after 5 trainings of 3 epochs;
 *   - stock wasm, which cannot train a conv net (expected to report an error).
 * Takes about 3 minutes on a quiet machine.
 *
 *   npx tsx scripts/bench-train-chromium.ts
 */
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
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
const rounds = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One figure from several runs of the same setting: median speed, worst main-thread figures. */
function summarise(runs: Record<string, unknown>[]) {
  const numbers = (key: string) => runs.map((r) => r[key] as number);
  return {
    ...runs[0],
    samplesPerSec: median(numbers('samplesPerSec')),
    runs: numbers('samplesPerSec'),
    longestTaskMs: Math.max(...numbers('longestTaskMs')),
    longTasks: Math.max(...numbers('longTasks')),
    longestTimerGapMs: Math.max(...numbers('longestTimerGapMs')),
    startupMs: median(numbers('startupMs'))
  };
}

/** Idle and total CPU time of all cores so far (Linux), or null elsewhere. */
async function cpuTimes(): Promise<{ idle: number; total: number } | null> {
  try {
    const fields = (await readFile('/proc/stat', 'utf8'))
      .split('\n')[0]
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    return { idle: fields[3] + fields[4], total: fields.reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
}

/** Waits until the CPUs were at least 90% idle for a second (other jobs would skew the run), for at most 30 s. */
async function waitForQuiet() {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const before = await cpuTimes();
    await sleep(1000);
    const after = await cpuTimes();
    if (!before || !after || (after.idle - before.idle) / (after.total - before.total) >= 0.9) return;
  }
}

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
      // undefined: the project's default (all logical cores up to 4 when isolated; always 1 thread when not).
      const threadSettings = isolated ? [1, undefined] : [undefined];
      for (const [net, steps] of [
        ['inception', 30],
        ['residual', 60]
      ] as const) {
        const runs = threadSettings.map((): Record<string, unknown>[] => []);
        for (let round = 0; round < rounds; round++) {
          for (const [i, wasmThreads] of threadSettings.entries()) {
            await waitForQuiet();
            runs[i].push(await call(page, 'runBench', { net, warmup: 3, steps, wasmThreads }));
          }
        }
        for (const settingRuns of runs) print({ ...summarise(settingRuns), kernels: 'project', ...common });
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
