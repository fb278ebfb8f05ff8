/** Self-paced reading: sections seen and exercises solved survive a reload; the index offers to resume. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { editCell, launch, openPage, waitForState } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

it('counts every exercise of the notebook, also one waiting on an error in a cell it reads', async () => {
  const { page } = await openPage(browser, '/notebooks/residual-networks');
  const toc = page.locator('nav[aria-label="Contents"]');
  await waitForState(page, 'block32Check', 'ok', 30_000);
  await expect.poll(() => toc.locator('.exercises').innerText()).toBe('0 of 2 exercises solved');
  await editCell(page, 'block32Params', 'const block32Params = (');
  await waitForState(page, 'block32Params', 'error');
  expect(await page.locator('[data-cell-id="block32Check"] [data-exercise]').count()).toBe(0);
  expect(await toc.locator('.exercises').innerText()).toBe('0 of 2 exercises solved');
  await page.close();
});

it('ticks sections seen and counts an exercise solved, across a reload, and the index offers to continue', async () => {
  const { page } = await openPage(browser, '/notebooks/one-by-one-convolution');
  const toc = page.locator('nav[aria-label="Contents"]');
  await waitForState(page, 'b20Check', 'ok', 30_000);
  await expect.poll(() => toc.locator('.exercises').innerText()).toMatch(/^0 of \d+ exercises solved$/);
  const total = Number((await toc.locator('.exercises').innerText()).split(' ')[2]);

  // Jump to the last section: it (and the one it lands on) count as seen.
  const last = toc.locator('li a').last();
  const lastTitle = (await last.innerText()).trim();
  await last.click();
  await expect.poll(() => toc.locator('li.seen').count()).toBeGreaterThan(0);
  expect(await toc.locator('li.seen a').last().innerText()).toContain(lastTitle);

  await editCell(page, 'b20', 'const widest20 = 7');
  await page.waitForSelector('[data-cell-id="b20Check"] [data-exercise][data-solved="true"]', {
    state: 'attached'
  });
  await expect.poll(() => toc.locator('.exercises').innerText()).toBe(`1 of ${total} exercises solved`);

  await page.reload();
  await waitForState(page, 'b20Check', 'ok', 30_000);
  await expect.poll(() => toc.locator('.exercises').innerText()).toBe(`1 of ${total} exercises solved`);
  expect(await toc.locator('li.seen').count()).toBeGreaterThan(0);

  await page.goto(page.url().replace(/\/notebooks\/.*/, '/'));
  const resume = page.locator('.resume a');
  await resume.waitFor();
  expect(await resume.innerText()).toBe('Why 1×1 convolutions?');
  expect(await resume.getAttribute('href')).toMatch(/^\/notebooks\/one-by-one-convolution#/);
  await page.close();
});
