/**
 * The slide check in the authoring view (dev server only): it runs the notebook in a 1280×720 iframe and
 * names the slides that are shrunk to fit. Uses its own dev server, since production builds leave it out.
 */
import { rmSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launch } from './harness';

let server: ViteDevServer;
let browser: Browser;
let base: string;

// A notebook whose second slide is far too tall for 720 px (the shipped lessons all fit).
const fixture = 'notebooks/97-slide-check-fixture.md';

beforeAll(async () => {
  writeFileSync(
    fixture,
    [
      '---\ntitle: Slide check fixture\nsummary: Written by a test.\nhidden: true\n---\n',
      'A short first slide.\n\n---\n\n## Too tall\n',
      '```js id=tall\nhtml`<div style="height: 1500px; background: linear-gradient(#ddd, #999)"></div>`\n```\n',
      '---\n\nA short last slide.\n'
    ].join('\n')
  );
  server = await createServer({ server: { port: 0 }, logLevel: 'silent' });
  await server.listen();
  base = server.resolvedUrls!.local[0].replace(/\/$/, '');
  browser = await launch();
});

afterAll(async () => {
  rmSync(fixture, { force: true });
  await browser?.close();
  await server?.close();
});

/** Opens a notebook in the authoring view, presses the check button and returns what the panel says. */
async function checkSlides(slug: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
  await page.goto(`${base}/notebooks/${slug}`);
  const panel = page.getByRole('region', { name: 'Slide check' });
  await panel.getByRole('button', { name: 'Check slides at 1280×720' }).click({ timeout: 30_000 });
  await expect.poll(() => panel.getByRole('status').innerText()).toContain('Checking slides…');
  // While checking, the notebook runs on screen in a thumbnail-sized iframe of exactly 1280×720.
  const frame = panel.locator('iframe');
  expect(
    await frame.evaluate((e: HTMLIFrameElement) => [
      e.contentWindow!.innerWidth,
      e.contentWindow!.innerHeight
    ])
  ).toEqual([1280, 720]);
  const box = (await frame.boundingBox())!;
  expect([Math.round(box.width), Math.round(box.height)]).toEqual([256, 144]);
  await expect
    .poll(() => panel.getByRole('status').innerText(), { timeout: 40_000 })
    .toMatch(/^(All|Slides that overflow|Slide check failed)/);
  expect(await frame.count()).toBe(0); // removed once it has answered
  return { page, panel, text: await panel.getByRole('status').innerText() };
}

it('says all slides fit when none is shrunk (how-to-use)', async () => {
  const { page, text } = await checkSlides('how-to-use');
  expect(text).toBe('All 8 slides fit at 1280×720.');
  await page.close();
});

it('names the slides that overflow, with their scale and a link to each', async () => {
  const { page, panel, text } = await checkSlides('slide-check-fixture');
  const match = /^Slides that overflow at 1280×720:\s+2 “Too tall” \(shown at (\d+) %\)\s*$/.exec(text);
  expect(match, text).not.toBeNull();
  // A 1500 px slide on the room 720 px leaves: well under half its size.
  const percent = Number(match![1]);
  expect(percent).toBeGreaterThan(20);
  expect(percent).toBeLessThan(50);
  expect(await panel.getByRole('link').count()).toBe(1); // slides 1 and 3 fit
  const link = panel.getByRole('link', { name: '2', exact: true });
  expect(await link.getAttribute('href')).toBe('?present#/2');
  await link.click();
  await page.waitForURL(/\?present#\/2$/);
  await expect
    .poll(() => page.locator('.scaled').innerText(), { timeout: 30_000 })
    .toBe(`scaled to fit (${percent} %)`);
  await page.close();
});
