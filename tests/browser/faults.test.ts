/**
 * Faults a careless or hostile edit can cause: every error reaches the cell that caused it, no edit
 * locks the reader out of the notebook, and no message is wrong or stale.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, cell, editCell, launch, openPage, output, outputText, waitForState } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const howTo = '/notebooks/how-to-use';

async function openHowTo(path = howTo) {
  const opened = await openPage(browser, path);
  await waitForState(opened.page, 'sentence', 'ok');
  return opened;
}

const errorText = (page: Page, id: string) => output(page, id).locator('.nb-error').innerText();
const safeBanner = (page: Page) => page.getByRole('alert').filter({ hasText: 'Safe mode' });

describe('errors of a declared promise or generator', () => {
  it('an async generator that throws shows its error in the cell that declared it', async () => {
    const { page } = await openHowTo();
    await editCell(page, 'several', 'gen');
    await editCell(
      page,
      'playground',
      "const gen = (async function* () { yield 1; throw new Error('boom') })()"
    );
    await waitForState(page, 'playground', 'error');
    expect(await errorText(page, 'playground')).toContain('boom');
    // The dependent is not the culprit: a quiet line, not a second red box.
    await expect.poll(() => outputText(page, 'several')).toContain('cell “playground” has an error');
    expect(await output(page, 'several').locator('.nb-error').count()).toBe(0);
    await page.close();
  });

  it('a rejected promise shows its error in the cell that declared it', async () => {
    const { page } = await openHowTo();
    await editCell(page, 'playground', "const p = Promise.reject(new Error('nope'))");
    await waitForState(page, 'playground', 'error');
    expect(await errorText(page, 'playground')).toContain('nope');
    await page.close();
  });

  it('train() with a bad option shows the trainer’s message in the training cell', async () => {
    const { page } = await openPage(browser, '/notebooks/training-check');
    await waitForState(page, 'progress', 'ok', 30_000);
    await editCell(page, 'progress', 'const progress = train(model, data, { learningRate: NaN })');
    await waitForState(page, 'progress', 'error');
    expect(await errorText(page, 'progress')).toContain('learningRate must be a number, got NaN');
    await expect.poll(() => outputText(page, 'status')).toContain('cell “progress” has an error');
    await page.close();
  });
});

describe('no edit locks the reader out', () => {
  it('an edit that reloads the page opens the next load in safe mode, with the edit kept', async () => {
    const { page } = await openHowTo();
    let loads = 0;
    page.on('load', () => loads++);
    await editCell(page, 'playground', '(location.reload(), 1)');
    await safeBanner(page).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(2500); // a reload loop would have reloaded many times by now
    expect(loads).toBe(1);
    expect(await cell(page, 'playground').locator('.cm-content, pre').first().innerText()).toContain(
      'location.reload()'
    );
    expect(await outputText(page, 'playground')).toContain('Paused');
    await page.close();
  });

  it('an edit that blanks the page opens the next load in safe mode', async () => {
    const { page } = await openHowTo();
    await editCell(page, 'playground', "(document.body.innerHTML = '', 1)");
    await page.waitForFunction(() => document.querySelector('[data-cell-id]') === null);
    await page.waitForTimeout(3500); // longer than any "the page survived" grace period
    await page.reload();
    await safeBanner(page).waitFor({ timeout: 15_000 });
    await waitForState(page, 'sentence', 'ok');
    expect(await outputText(page, 'playground')).toContain('Paused');
    await page.close();
  });

  it('?safe opens any notebook in safe mode: edits shown, none run until the reader clicks', async () => {
    const { page } = await openHowTo();
    await editCell(page, 'channels', 'const channels = 32');
    await expect.poll(() => outputText(page, 'sentence')).toContain('has 288 weights');
    await page.goto(`${baseUrl()}${howTo}?safe`);
    await safeBanner(page).waitFor();
    expect(await outputText(page, 'channels')).toContain('Paused');
    expect(await outputText(page, 'sentence')).toContain('Waiting for');
    await safeBanner(page).getByRole('button', { name: 'Run edited cells' }).click();
    await expect.poll(() => outputText(page, 'sentence')).toContain('has 288 weights');
    await page.close();
  });
});

describe('loop guards', () => {
  it('a loop that catches the guard’s error is stopped anyway', async () => {
    const { page } = await openHowTo();
    await editCell(page, 'playground', 'while (true) { try { while (true) {} } catch (e) {} }');
    await waitForState(page, 'playground', 'error', 20_000);
    expect(await errorText(page, 'playground')).toContain('was stopped');
    await page.close();
  });

  it.each([
    ['a timer', "(setTimeout(() => { while (true) {} }, 0), 'started')"],
    ['a promise callback', "(Promise.resolve().then(() => { while (true) {} }), 'started')"]
  ])('a loop in %s started by a cell is reported in that cell', async (_, source) => {
    const { page } = await openHowTo();
    await editCell(page, 'playground', source);
    await waitForState(page, 'playground', 'error', 20_000);
    expect(await errorText(page, 'playground')).toContain('was stopped');
    await page.close();
  });
});

describe('reserved names and builtins', () => {
  it('declaring `invalidation` is an error in that cell only, saying why', async () => {
    const { page } = await openHowTo();
    await editCell(page, 'playground', 'const invalidation = 1');
    await waitForState(page, 'playground', 'error');
    expect(await errorText(page, 'playground')).toMatch(/`invalidation`.*every cell/);
    await waitForState(page, 'sentence', 'ok');
    expect(await page.locator('.nb-error').count()).toBe(1);
    await page.close();
  });

  it('shadowing a builtin is allowed, and the cell says which builtin it replaces', async () => {
    const { page } = await openHowTo();
    await editCell(page, 'playground', 'const md = null');
    await waitForState(page, 'playground', 'ok');
    expect(await outputText(page, 'playground')).toMatch(/`md` replaces the builtin/);
    // A cell that called the builtin says why it now fails, in words rather than a minified name.
    await waitForState(page, 'sentence', 'error');
    expect(await errorText(page, 'sentence')).toContain('cell “playground”');
    await page.close();
  });
});

describe('messages', () => {
  it.each([
    ['a one-line expression', 'null.x', 1],
    ['the second line of a statement cell', 'const a = 1\nconst b = a.b.c', 2]
  ])('a runtime error in %s names its own line', async (_, source, line) => {
    const { page } = await openHowTo();
    await editCell(page, 'playground', source);
    await waitForState(page, 'playground', 'error');
    expect(await errorText(page, 'playground')).toContain(`(line ${line})`);
    await page.close();
  });

  it('the "not being saved" warning goes away once storage works again', async () => {
    const page = await browser.newPage({ serviceWorkers: 'block' });
    await page.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if ((window as unknown as { failStorage?: boolean }).failStorage)
          throw new DOMException('full', 'QuotaExceededError');
        return setItem.call(this, key, value);
      };
    });
    await page.goto(baseUrl() + howTo);
    await waitForState(page, 'sentence', 'ok');
    await page.evaluate(() => ((window as unknown as { failStorage: boolean }).failStorage = true));
    await editCell(page, 'channels', 'const channels = 32');
    const warning = page.getByText('not being saved');
    await warning.waitFor();
    await page.evaluate(() => ((window as unknown as { failStorage: boolean }).failStorage = false));
    await editCell(page, 'channels', 'const channels = 8');
    await expect.poll(() => outputText(page, 'sentence')).toContain('has 72 weights');
    await expect.poll(() => warning.count()).toBe(0);
    await page.close();
  });

  it('a link value too long for a link says so, not that it set the input to null', async () => {
    const { page } = await openHowTo(`${howTo}?v.size=${JSON.stringify('x'.repeat(600))}`);
    const notice = page.getByRole('status').filter({ hasText: '“size”' });
    await notice.waitFor();
    expect(await notice.innerText()).not.toContain('null');
    expect(await notice.innerText()).toContain('too long');
    await page.close();
  });
});

describe('reloading with drafts', () => {
  it('the draft replaces the shipped code before anything runs', async () => {
    const { page } = await openHowTo();
    await editCell(page, 'channels', 'const channels = 32');
    await expect.poll(() => outputText(page, 'sentence')).toContain('has 288 weights');
    // Record every text the dependent cell ever shows during the next load.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        const out = document.querySelector('[data-cell-id="hidden"] [data-cell-output]');
        if (out?.textContent) seen.push(out.textContent);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.reload();
    await expect.poll(() => outputText(page, 'hidden')).toContain('channels = 32');
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.some((text) => text.includes('channels = 16'))).toBe(false);
    await page.close();
  });
});

describe('links never start compute', () => {
  it('a link cannot switch on live training; the notice and the share dialog say it is left out', async () => {
    const { page } = await openPage(browser, '/notebooks/inception?v.live=true');
    await waitForState(page, 'status', 'ok', 30_000);
    expect(await outputText(page, 'status')).toContain('A recorded run');
    const toggle = output(page, 'live').locator('input[type=checkbox]');
    expect(await toggle.isChecked()).toBe(false);
    await page.getByRole('status').filter({ hasText: '“live”' }).waitFor();
    await toggle.check();
    await page.getByRole('button', { name: 'Share link' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.innerText()).toContain('Not in the link: “live”');
    await page.close();
  });
});
