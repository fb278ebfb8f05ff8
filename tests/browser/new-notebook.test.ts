/**
 * Contract 1: dropping `notebooks/NN-slug.md` into the folder is all it takes to publish a notebook.
 * Uses the dev server, which sees files added while it runs, exactly as an author would.
 */
import { rmSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launch } from './harness';

const file = 'notebooks/98-dropped-in.md';
let server: ViteDevServer;
let browser: Browser;

beforeAll(async () => {
  writeFileSync(
    file,
    '---\ntitle: A dropped-in notebook\nsummary: Written by a test.\n---\n\n## Hello\n\n```js id=answer echo\n6 * 7\n```\n'
  );
  server = await createServer({ server: { port: 0 }, logLevel: 'silent' });
  await server.listen();
  browser = await launch();
});

afterAll(async () => {
  rmSync(file, { force: true });
  await browser?.close();
  await server?.close();
});

it('a new file in notebooks/ appears on the index and renders its cells', async () => {
  const base = server.resolvedUrls!.local[0].replace(/\/$/, '');
  const page = await browser.newPage({ serviceWorkers: 'block' });
  await page.goto(base + '/');
  const link = page.getByRole('link', { name: /A dropped-in notebook/ });
  await expect.poll(() => link.count(), { timeout: 30_000 }).toBe(1);
  expect(await link.innerText()).toContain('Written by a test.');
  await link.click();
  await page.waitForSelector('[data-cell-id="answer"][data-cell-state="ok"]', { timeout: 30_000 });
  expect(await page.locator('[data-cell-id="answer"] [data-cell-output]').innerText()).toBe('42');
  await page.close();
});
