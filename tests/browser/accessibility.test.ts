/**
 * axe-core on every page: no serious or critical accessibility violation in the light and dark themes, and
 * in both high-contrast (projector) themes every text at least 7:1 (WCAG AAA, axe's color-contrast-enhanced).
 */
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launch, openPage } from './harness';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// The index and every notebook, found the way the site finds them.
const notebookPaths = (folder: string, prefix: string) =>
  readdirSync(folder)
    .filter((f) => /^\d+-[a-z0-9-]+\.md$/.test(f))
    .map((f) => `${prefix}/notebooks/${f.replace(/^\d+-/, '').replace(/\.md$/, '')}`);
const pages = ['/', '/glossary', ...notebookPaths('notebooks', '')];
// The Chinese edition has the same components and colours: checked once, in the light theme.
const chinesePages = ['/zh', '/zh/glossary', ...notebookPaths('notebooks/zh', '/zh')];

/** Lets cells run and editors load (no cell still running or not yet run), then adds axe to the page. */
async function settleAndLoadAxe(page: Page) {
  await page
    .waitForFunction(
      () => !document.querySelector('[data-cell-state="running"], [data-cell-state="idle"]'),
      null,
      { timeout: 30_000 }
    )
    .catch(() => {}); // a page whose cells never settle is still checked, as it stands
  await page.waitForTimeout(1000);
  await page.addScriptTag({ content: axeSource });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

it.each([
  ...pages.flatMap((path) => (['light', 'dark'] as const).map((scheme) => [path, scheme] as const)),
  ...chinesePages.map((path) => [path, 'light'] as const)
])('%s has no serious or critical axe violation (%s)', async (path, scheme) => {
  const { page } = await openPage(browser, path);
  await page.emulateMedia({ colorScheme: scheme });
  await settleAndLoadAxe(page);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(): Promise<{
            violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(', ')}`
      );
  });
  expect(violations).toEqual([]);
  await page.close();
});

it.each(
  pages.flatMap((path) => (['contrast', 'contrast-light'] as const).map((theme) => [path, theme] as const))
)('%s has ≥ 7:1 contrast for all text in the %s theme', async (path, theme) => {
  const { page } = await openPage(browser, path);
  await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
  await settleAndLoadAxe(page);
  const failures = await page.evaluate(async () => {
    type Result = { violations: { nodes: { target: string[]; failureSummary: string }[] }[] };
    const axe = (window as unknown as { axe: { run(o: object): Promise<Result> } }).axe;
    const result = await axe.run({ runOnly: ['color-contrast-enhanced'] });
    return result.violations.flatMap((v) =>
      v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary.split('\n').pop()}`)
    );
  });
  expect(failures).toEqual([]);
  await page.close();
});
