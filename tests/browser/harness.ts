/**
 * Helpers for browser tests: launch Chromium, open a notebook, edit and run a cell the way a reader
 * does (click into the code, type, Shift+Enter), read a cell's state and output.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu-sandbox',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
];

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs
  });
}

export const baseUrl = () => inject('baseUrl');

/** Opens a page and records uncaught errors and requests that leave the site. */
export async function openPage(browser: Browser, path: string, viewport = { width: 1280, height: 720 }) {
  // No service worker: it would cache the whole site in the background of every test (offline.test.ts
  // tests it on its own).
  const page = await browser.newPage({ viewport, serviceWorkers: 'block' });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseUrl()) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`third-party request: ${url}`);
    }
  });
  await page.goto(baseUrl() + path);
  return { page, problems };
}

export const cell = (page: Page, id: string) => page.locator(`[data-cell-id="${id}"]`);
export const output = (page: Page, id: string) => cell(page, id).locator('[data-cell-output]');

/** Waits until a cell reaches `state` (idle, dirty, running, ok, error). */
export async function waitForState(page: Page, id: string, state: string, timeout = 15_000) {
  await page.waitForSelector(`[data-cell-id="${id}"][data-cell-state="${state}"]`, {
    timeout,
    state: 'attached'
  });
}

/** Opens the cell's editor, replaces its code with `source` and, unless told not to, presses Shift+Enter. */
export async function editCell(page: Page, id: string, source: string, { run = true } = {}) {
  const root = cell(page, id);
  // Shown code turns into an editor once the page is idle; hidden code needs "Show code" first.
  // A code-less cell's bar shows only on hover or focus: reach "Show code" as a keyboard reader does.
  if ((await root.locator('.code').count()) === 0) {
    await root.locator('button[data-toggle-code]').focus();
    await page.keyboard.press('Enter');
  }
  const editor = root.locator('.cm-content');
  await editor.waitFor();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  // insertText, not type(): closeBrackets would add a second ")" for every "(" typed.
  await page.keyboard.insertText(source);
  if (run) await page.keyboard.press('Shift+Enter');
}

export async function outputText(page: Page, id: string): Promise<string> {
  return (await output(page, id).innerText()).trim();
}
