/** The lecture's own experiment in a notebook: the official 70,000 digits load on request and train live. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { cell, launch, openPage, output, outputText, waitForState } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

it('downloads the official set only when asked, shows its progress in that cell, and trains on it', async () => {
  const { page, problems } = await openPage(browser, '/notebooks/residual-networks');
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await waitForState(page, 'lectureEpochs', 'ok', 60_000);
  // (its own cell may still be running when the one above is done)
  await expect.poll(() => outputText(page, 'lectureRunStatus')).toContain('Switch on live training');
  expect(fetched.filter((path) => path.includes('/data/mnist/'))).toEqual([]);

  await cell(page, 'lectureLive').locator('input[type=checkbox]').check();
  // The cell that asked shows the download as it happens, then what it loaded.
  await expect
    .poll(() => output(page, 'fullDigits').locator('[data-mnist-progress]').count(), { timeout: 30_000 })
    .toBe(1);
  await expect
    .poll(() => outputText(page, 'fullDigits'), { timeout: 120_000 })
    .toContain('Official MNIST: 60,000 training and 10,000 test digits');
  expect(fetched.filter((path) => path.includes('/data/mnist/'))).toHaveLength(4);

  // The first steps of the first of 938 steps per epoch, with loss, accuracy and time to go.
  const status = () => outputText(page, 'lectureRunStatus');
  await expect.poll(status, { timeout: 120_000 }).toMatch(/epoch 1 of 1 · step ([3-9]|\d\d+) of 938/);
  expect(await status()).toMatch(/loss \d\.\d{3} · training accuracy this epoch \d+\.\d\d %/);
  expect(await status()).toMatch(/to go/);

  await output(page, 'lectureRunStatus').getByRole('button', { name: 'Pause' }).click();
  await expect.poll(status, { timeout: 30_000 }).toMatch(/Paused at step \d+ of 938/);
  await output(page, 'lectureRunStatus').getByRole('button', { name: 'Resume' }).click();
  await output(page, 'lectureRunStatus').getByRole('button', { name: 'Stop' }).click();
  await expect.poll(status, { timeout: 30_000 }).toMatch(/Stopped at step \d+ of 938/);
  expect(await status()).not.toContain('Done');
  expect(problems).toEqual([]);
  await page.close();
});
