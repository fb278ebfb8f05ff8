/**
 * The lecture's nets in headless Chromium, through the real worker (src/lib/train/worker.ts). Bundles the page and
 * the workers with esbuild, serves them, and prints one JSON object per line (contract 5: each has net, backend,
 * where, batch and samplesPerSec):
 *   - wasm + the project's kernels, without cross-origin isolation (1 thread) and with it (which allows wasm threads:
 *     1 thread, then the project's default), each the median of a few alternating runs (other jobs on the machine
 *     skew single runs), with the threads tfjs really uses, the main thread's longest task (PerformanceObserver
 *     'longtask') and longest timer delay while training runs (worst run). Each run first waits (up to 30 s) for the
 *     CPUs to be quiet, since threads are slowed most by other jobs;
 *   - how it scales (cross-origin isolated, wasm at 1 thread and the default): both nets and lesson 03's depth-8/20/56
 *     plainStack/residualStack at batch 16, 64 and 256, one run each (the lecture nets at 64 are the runs above);
 *   - webgpu and webgl: on a hardware adapter, the same table; on a software one (SwiftShader here), forced, one
 *     timed step of each lecture net, labelled software: its speed says nothing about a real GPU;
 *   - PyTorch, when /usr/bin/python3 has torch: the same nets, batches and 1 and 2 threads
 *     (scripts/pytorch/bench_speed.py, after Chromium has closed so they do not compete), and the ratio ours/PyTorch
 *     at equal threads;
 *   - tensors alive in one worker before and after 5 trainings of 3 epochs;
 *   - stock wasm, which cannot train a conv net (expected to report an error).
 * Takes about 15 minutes on a quiet machine.
 *
 *   npx tsx scripts/bench-train-chromium.ts
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
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

/** Waits until the CPUs were at least 90% idle for a second (other jobs would skew the run), for at most `maxMs`. */
async function waitForQuiet(maxMs = 30_000) {
  const deadline = Date.now() + maxMs;
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

const lectureNets = ['inception', 'residual'] as const;
const stacks = ['plainStack', 'residualStack'].flatMap((kind) =>
  [8, 20, 56].map((depth) => `${kind}-${depth}`)
);
const scaleBatches = [16, 64, 256];

/** Steps for about 512 timed examples (at least 2): the table has many entries, so each is short. */
const stepsFor = (batch: number) => Math.max(2, Math.round(512 / batch));

/** Our samples/s by net, batch and threads, to set against PyTorch's. */
const ours = new Map<string, Record<string, unknown>>();
const oursKey = (net: unknown, batch: unknown, threads: unknown) => `${net}/${batch}/${threads}`;

/** PyTorch's figures for the same nets, and ours/PyTorch at equal thread counts; a line saying why when absent. */
function pytorch() {
  const python = '/usr/bin/python3';
  if (spawnSync(python, ['-c', 'import torch']).status !== 0) {
    print({
      net: null,
      backend: 'pytorch-cpu',
      where: 'pytorch',
      batch: null,
      samplesPerSec: null,
      skipped: 'no torch'
    });
    return;
  }
  const run = spawnSync(
    python,
    [
      'scripts/pytorch/bench_speed.py',
      `--nets=${[...lectureNets, ...stacks].join(',')}`,
      `--batches=${scaleBatches.join(',')}`,
      '--threads=1,2',
      '--samples=512'
    ],
    { encoding: 'utf8', maxBuffer: 1 << 24 }
  );
  if (run.status !== 0) console.error(run.stderr);
  for (const line of run.stdout.split('\n').filter(Boolean)) {
    const record = JSON.parse(line) as Record<string, unknown>;
    print(record);
    const mine = ours.get(oursKey(record.net, record.batch, record.threads));
    if (!mine || typeof record.samplesPerSec !== 'number') continue;
    const speed = mine.samplesPerSec as number;
    print({
      figure: 'ours / pytorch',
      net: record.net,
      backend: mine.backend,
      where: 'chromium',
      batch: record.batch,
      threads: record.threads,
      samplesPerSec: speed,
      pytorchSamplesPerSec: record.samplesPerSec,
      ratio: Math.round((speed / record.samplesPerSec) * 100) / 100
    });
  }
}

async function main() {
  await bundle();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--enable-unsafe-webgpu']
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
        for (const settingRuns of runs) {
          const summary = { ...summarise(settingRuns), kernels: 'project', ...common };
          if (isolated) ours.set(oursKey(net, 64, (summary as Record<string, unknown>).threads), summary);
          print(summary);
        }
      }
      if (isolated) {
        for (const wasmThreads of threadSettings) {
          for (const net of [...lectureNets, ...stacks]) {
            for (const batch of scaleBatches) {
              if (batch === 64 && (lectureNets as readonly string[]).includes(net)) continue;
              await waitForQuiet(5_000);
              const request = { net, batch, warmup: 2, steps: stepsFor(batch), wasmThreads };
              const result = {
                ...(await call(page, 'runBench', request)),
                kernels: 'project',
                where: 'chromium'
              };
              ours.set(oursKey(net, batch, (result as Record<string, unknown>).threads), result);
              print(result);
            }
          }
        }
        await gpuBackends(page);
      }
      await close();
    }

    const { page, close } = await open(false);
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
  pytorch();
}

/**
 * webgpu and webgl. On a hardware adapter: the scale table. On a software one (SwiftShader, seconds per batch):
 * forced, one warm-up step (shader compilation) and one timed step of each lecture net, marked software.
 */
async function gpuBackends(page: BenchPage) {
  const adapter = (await page.evaluate(() =>
    (globalThis as unknown as { gpuAdapter: () => Promise<unknown> }).gpuAdapter()
  )) as { kind: string; description: string } | null;
  const renderer = await page.evaluate(() => {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : null;
  });
  const software = (text: string) => /swiftshader|llvmpipe|lavapipe|software|basic render/i.test(text);
  const gpus = [
    { backend: 'webgpu', adapter: adapter?.description ?? null, hardware: adapter?.kind === 'hardware' },
    { backend: 'webgl', adapter: renderer, hardware: renderer !== null && !software(renderer) }
  ];
  for (const gpu of gpus) {
    const label = { adapter: gpu.adapter, software: !gpu.hardware, kernels: 'stock', where: 'chromium' };
    if (gpu.adapter === null) {
      print({
        net: null,
        backend: gpu.backend,
        where: 'chromium',
        batch: null,
        samplesPerSec: null,
        skipped: 'no adapter'
      });
      continue;
    }
    const table = gpu.hardware
      ? [...lectureNets, ...stacks].flatMap((net) => scaleBatches.map((batch) => ({ net, batch })))
      : lectureNets.map((net) => ({ net, batch: 64 }));
    for (const { net, batch } of table) {
      const steps = gpu.hardware ? stepsFor(batch) : 1;
      const request = { net, batch, warmup: gpu.hardware ? 2 : 1, steps, backend: gpu.backend };
      const result = await call(page, 'runBench', request).catch((error: Error) => ({
        net,
        batch,
        error: error.message
      }));
      print({ ...result, ...label });
    }
  }
}

main();
