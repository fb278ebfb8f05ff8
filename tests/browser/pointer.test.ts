/** Presenting: the laser pointer (L) and Alt+click zoom, which Esc undoes before it leaves the slides. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launch, openPage } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

it('L shows a laser dot that follows the mouse and takes no clicks', async () => {
  const { page, problems } = await openPage(browser, '/notebooks/how-to-use?present#/2');
  await page.locator('.counter').waitFor();
  await page.mouse.move(300, 300);
  await page.keyboard.press('l');
  const dot = page.locator('.laser');
  await dot.waitFor();
  await page.mouse.move(640, 400);
  await expect
    .poll(async () => {
      const box = (await dot.boundingBox())!;
      return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
    })
    .toEqual([640, 400]);
  expect(await dot.evaluate((d) => getComputedStyle(d).pointerEvents)).toBe('none');
  expect(await page.evaluate(() => getComputedStyle(document.body).cursor)).toBe('none');
  expect(await page.getByRole('button', { name: 'Laser (L)' }).getAttribute('aria-pressed')).toBe('true');
  await page.keyboard.press('l');
  await expect.poll(() => dot.count()).toBe(0);
  expect(await page.evaluate(() => getComputedStyle(document.body).cursor)).not.toBe('none');
  expect(problems).toEqual([]);
  await page.close();
});

it('Alt+click zooms in 2× around the clicked point; Esc zooms out, then leaves', async () => {
  const { page } = await openPage(browser, '/notebooks/how-to-use?present#/2');
  const heading = page.locator('.slide.current h2');
  await heading.waitFor();
  const before = (await heading.boundingBox())!;
  // Click on the heading's first letter: after zooming, that letter is still under the pointer.
  const point = { x: before.x + 10, y: before.y + before.height / 2 };
  await page.keyboard.down('Alt');
  await page.mouse.click(point.x, point.y);
  await page.keyboard.up('Alt');
  await page.waitForFunction(() => getComputedStyle(document.querySelector('main')!).transform !== 'none');
  await page.waitForTimeout(400); // the 0.25 s zoom transition
  const after = (await heading.boundingBox())!;
  expect(after.width / before.width).toBeCloseTo(2, 1);
  expect(Math.abs(after.x + 20 - point.x)).toBeLessThan(3); // 10 px from the left edge became 20 px
  expect(Math.abs(after.y + after.height / 2 - point.y)).toBeLessThan(3);

  await page.keyboard.press('Escape');
  await expect
    .poll(() => page.evaluate(() => getComputedStyle(document.querySelector('main')!).transform))
    .toBe('none');
  expect(page.url()).toContain('?present');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.url()).not.toContain('?present');
  await page.close();
});

it('Z zooms in around the mouse pointer and out again, for those whose Alt+click the desktop takes', async () => {
  const { page } = await openPage(browser, '/notebooks/how-to-use?present#/2');
  await page.locator('.slide.current h2').waitFor();
  const transform = () => page.evaluate(() => getComputedStyle(document.querySelector('main')!).transform);
  await page.mouse.move(400, 300);
  await page.keyboard.press('z');
  await expect.poll(transform).toMatch(/^matrix\(2, 0, 0, 2,/);
  await page.keyboard.press('z');
  await expect.poll(transform).toBe('none');
  await page.close();
});
