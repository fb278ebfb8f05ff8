/**
 * Engine benchmarks on the built site in headless Chromium (run `npm run build` first):
 *  - cold load of a notebook until its first cell has rendered (target < 1 s on a 2-core machine)
 *  - JavaScript bytes fetched before that moment, gzipped (target ≤ 250 KB)
 *  - Shift+Enter to a dependent cell's new output (target < 100 ms for a non-training cell)
 * Prints one JSON object per line (contract 5 fields plus `figure`, `value`, `unit`, `target`).
 */
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { chromiumArgs } from '../tests/browser/harness.ts';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const notebook = '/notebooks/how-to-use';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function report(figure: string, value: number, unit: string, target: string) {
  const line = {
    figure,
    net: 'engine',
    backend: 'none',
    where: 'chromium',
    batch: null,
    samplesPerSec: null
  };
  console.log(JSON.stringify({ ...line, value: Math.round(value * 10) / 10, unit, target, runs }));
}

const server = await preview({ preview: { port: 0 }, logLevel: 'silent' });
const base = server.resolvedUrls!.local[0].replace(/\/$/, '');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: chromiumArgs
});

const loadTimes: number[] = [];
const jsBytes: number[] = [];
for (let i = 0; i < runs; i++) {
  // Fresh: empty cache, no drafts. No service worker: its background caching of the whole site is not
  // script the page runs before its first cell.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const scripts: { url: string; body: Promise<Buffer> }[] = [];
  let firstCellAt = Infinity;
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type === 'script' || response.url().endsWith('.js'))
      scripts.push({ url: response.url(), body: response.body().catch(() => Buffer.alloc(0)) });
  });
  // Time from navigation start to the first cell reaching "ok", measured inside the page.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-cell-state="ok"]')) {
        (window as unknown as { firstCell: number }).firstCell = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, attributes: true, childList: true });
  });
  await page.goto(base + notebook);
  await page.waitForSelector('[data-cell-state="ok"]');
  firstCellAt = await page.evaluate(() => (window as unknown as { firstCell: number }).firstCell);
  loadTimes.push(firstCellAt);
  // Scripts requested up to first render; lazy chunks requested later (editor, compiler) do not count.
  const timings = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime }))
  );
  let bytes = 0;
  for (const script of scripts) {
    const timing = timings.find((t) => t.name === script.url);
    if (timing && timing.start <= firstCellAt) bytes += gzipSync(await script.body).length;
  }
  jsBytes.push(bytes / 1024);
  await context.close();
}
report('cold load to first rendered cell', median(loadTimes), 'ms', '< 1000');
report('JS before first render (gzipped)', median(jsBytes), 'KB', '<= 250');

// Re-run latency: edit `channels`, press Shift+Enter, time until `sentence` shows the new value.
const page = await browser.newPage();
await page.goto(base + notebook);
await page.waitForSelector('[data-cell-id="sentence"][data-cell-state="ok"]');
await page.locator('[data-cell-id="channels"] .cm-content').waitFor();
const rerun: number[] = [];
for (let i = 0; i < runs; i++) {
  const value = 20 + i;
  await page.locator('[data-cell-id="channels"] .cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(`const channels = ${value}`);
  // Listen first (and wait until listening), then press: the page measures keydown → new output.
  await page.evaluate((expected) => {
    const w = window as unknown as { rerun: Promise<number> };
    w.rerun = new Promise<number>((resolve) => {
      let start = 0;
      document.addEventListener('keydown', () => (start = performance.now()), { capture: true, once: true });
      const target = document.querySelector('[data-cell-id="sentence"] [data-cell-output]')!;
      new MutationObserver((_, observer) => {
        if (target.textContent?.includes(`has ${expected} weights`)) {
          observer.disconnect();
          resolve(performance.now() - start);
        }
      }).observe(target, { subtree: true, childList: true, characterData: true });
    });
  }, value * 9);
  await page.keyboard.press('Shift+Enter');
  rerun.push(await page.evaluate(() => (window as unknown as { rerun: Promise<number> }).rerun));
}
report('Shift+Enter to dependent output', median(rerun), 'ms', '< 100');

await browser.close();
await server.close();
