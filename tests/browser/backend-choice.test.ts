/**
 * The measuring backend chooser as a reader meets it (lesson 02's live training): on first use the status line
 * shows the backends timed on this device, the software WebGL here is skipped, and the choice is remembered; a
 * remembered choice is used without timing again, and the reader can switch it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cell, launch, openPage } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const key = 'cnn-notebooks:training-backend';
const timings = (page: Page) => cell(page, 'status').locator('[data-backend-timings]');
const stored = (page: Page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), key);

async function trainLive(page: Page) {
  await cell(page, 'live').locator('input[type=checkbox]').check();
  await timings(page).waitFor({ timeout: 90_000 });
}

it('times the backends on first use, skips the software GPU, and remembers the fastest', async () => {
  const { page, problems } = await openPage(browser, '/notebooks/inception');
  expect(await stored(page)).toBeNull();
  await trainLive(page);
  const text = await timings(page).innerText();
  expect(text).toMatch(
    /^Timed on this device: wasm [\d,]+\/s · webgl skipped \(software GPU, slower than wasm\)/
  );
  expect(await stored(page)).toMatchObject({ backend: 'wasm', by: 'measured' });
  expect(problems).toEqual([]);
  await page.close();
});

it('uses a remembered choice without timing again, and lets the reader switch', async () => {
  const { page } = await openPage(browser, '/notebooks/inception');
  // Figures no real timing gives: seeing them proves the page used the stored choice.
  await page.evaluate((k) => {
    const device = `${navigator.userAgent} | ${navigator.hardwareConcurrency} cores`;
    const measurements = [
      { backend: 'wasm', samplesPerSec: 1234 },
      { backend: 'webgl', samplesPerSec: 987 }
    ];
    localStorage.setItem(
      k,
      JSON.stringify({ version: 1, device, backend: 'wasm', by: 'measured', measurements, skipped: [] })
    );
  }, key);
  await page.reload();
  await trainLive(page);
  expect(await timings(page).innerText()).toContain('wasm 1,234/s · webgl 987/s');
  await timings(page).getByRole('button', { name: 'webgl' }).click();
  await expect.poll(() => stored(page)).toMatchObject({ backend: 'webgl', by: 'reader' });
  await expect.poll(() => timings(page).innerText()).toContain('from the next run');
  await page.close();
});
