import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell, editCell, launch, openPage, output, outputText, waitForState } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const notebook = '/notebooks/how-to-use';

async function openNotebook() {
  const opened = await openPage(browser, notebook);
  await waitForState(opened.page, 'sentence', 'ok');
  return opened;
}

describe('a notebook page', () => {
  it('renders prose and highlighted code before any script runs', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${(await import('./harness')).baseUrl()}${notebook}`);
    expect(await page.locator('h1').innerText()).toBe('How to use these notebooks');
    expect(await page.locator('[data-cell-id="channels"] .tok-keyword').first().innerText()).toBe('const');
    expect(await page.locator('nav[aria-label="Contents"] a').count()).toBeGreaterThan(3);
    await context.close();
  });

  it('runs every cell with no error and makes no third-party request', async () => {
    const { page, problems } = await openNotebook();
    const states = await page.$$eval('[data-cell-id]', (els) =>
      els.map((e) => (e as HTMLElement).dataset.cellState)
    );
    expect(states.every((s) => s === 'ok')).toBe(true);
    expect(await outputText(page, 'sentence')).toContain('has 144 weights');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('re-runs a dependent cell after an edit and Shift+Enter', async () => {
    const { page } = await openNotebook();
    await editCell(page, 'channels', 'const channels = 32', { run: false });
    await waitForState(page, 'channels', 'dirty');
    expect(await outputText(page, 'sentence')).toContain('has 144 weights'); // nothing ran while typing
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => outputText(page, 'sentence')).toContain('has 288 weights');
    await waitForState(page, 'channels', 'ok');
    await page.close();
  });

  it('a slider drives the cells that read its value', async () => {
    const { page } = await openNotebook();
    await waitForState(page, 'gridText', 'ok');
    const slider = output(page, 'sizeSlider').locator('input[type=range]');
    await slider.fill('20');
    await expect.poll(() => outputText(page, 'gridText')).toContain('A 20×20 image has 400 pixels.');
    await page.close();
  });

  it('a generator streams values to its dependents', async () => {
    const { page } = await openNotebook();
    await expect.poll(() => outputText(page, 'countdownView'), { timeout: 10_000 }).toContain('Lift-off!');
    await page.close();
  });

  it('Esc leaves the editor', async () => {
    const { page } = await openNotebook();
    await editCell(page, 'playground', 'channels * 3', { run: false });
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(false);
    await page.close();
  });
});

describe('editing', () => {
  it('autocomplete offers names other cells define and the builtins', async () => {
    const { page } = await openNotebook();
    await editCell(page, 'playground', 'chan', { run: false });
    await page.keyboard.press('Control+Space');
    const options = page.locator('.cm-tooltip-autocomplete li');
    await expect.poll(() => options.allInnerTexts()).toContainEqual(expect.stringContaining('channels'));
    await page.keyboard.press('Escape');
    await page.keyboard.insertText(' + wid');
    await page.keyboard.press('Control+Space');
    await expect.poll(() => options.allInnerTexts()).toContainEqual(expect.stringContaining('width'));
    await page.close();
  });

  it('disposes the tensors a cell made when it runs again', async () => {
    const { page } = await openNotebook();
    const counts: string[] = [];
    for (let i = 0; i < 3; i++) {
      await editCell(
        page,
        'playground',
        `const t = tf.ones([1000])\ndisplay(tf.memory().numTensors) // run ${i}`
      );
      await waitForState(page, 'playground', 'ok', 30_000);
      counts.push(await outputText(page, 'playground'));
    }
    expect(new Set(counts).size).toBe(1);
    await page.close();
  });
});

describe('bad input stays in the cell that caused it', () => {
  /** Edits `playground`, runs it, and returns its error text; checks the other cells still work. */
  async function errorFor(source: string, state = 'error') {
    const { page } = await openNotebook();
    await editCell(page, 'playground', source);
    await waitForState(page, 'playground', state, 20_000);
    const text = await outputText(page, 'playground');
    const others = await page.$$eval('[data-cell-id]:not([data-cell-id="playground"])', (els) =>
      els.map((e) => (e as HTMLElement).dataset.cellState)
    );
    expect(others.every((s) => s === 'ok')).toBe(true);
    return { page, text };
  }

  it.each([
    ['a throw', "throw new Error('no good')", /Error: no good/],
    ['an unknown name', 'chanels * 2', /chanels is not defined\. Did you mean `channels`\?/],
    ['a name another cell defines', 'const weights = 1', /`weights` is already defined in cell “weights”/],
    ['an import', "import * as d3 from 'd3'", /Cells cannot use `import from "d3"`.*d3, tf, html/],
    ['a top-level return', 'return 1', /`return` cannot be used at the top level/]
  ])('shows %s as an error in that cell only', async (_, source, message) => {
    const { page, text } = await errorFor(source);
    expect(text).toMatch(message);
    await page.close();
  });

  it('shows a syntax error with its line and column, marked in the editor', async () => {
    const { page, text } = await errorFor('const a = 1\nconst b = (a *');
    expect(text).toMatch(/SyntaxError: Unexpected token \(line 2, column 15\)/);
    await expect.poll(() => cell(page, 'playground').locator('.cm-lintRange-error').count()).toBe(1);
    await page.close();
  });

  it('reports a circular definition in the edited cell and leaves the other cell running', async () => {
    const { page } = await openNotebook();
    await editCell(page, 'channels', 'const channels = weights / 9');
    await waitForState(page, 'channels', 'error');
    expect(await outputText(page, 'channels')).toMatch(/Circular definition: channels → weights → channels/);
    expect(await cell(page, 'weights').getAttribute('data-cell-state')).not.toBe('error');
    await page.close();
  });

  it('stops an infinite loop within a few seconds and keeps the page responsive', async () => {
    const started = Date.now();
    const { page, text } = await errorFor('let n = 0\nwhile (true) { n++ }');
    expect(text).toMatch(/The loop on line 2 kept the page busy for more than 2 s/);
    expect(Date.now() - started).toBeLessThan(15_000);
    await editCell(page, 'playground', 'channels + 1');
    await expect.poll(() => outputText(page, 'playground')).toBe('17');
    await page.close();
  });

  it('lets a cell stuck on a never-settling promise be re-run', async () => {
    const { page } = await openNotebook();
    await editCell(page, 'playground', 'await new Promise(() => {})');
    await waitForState(page, 'playground', 'running');
    await editCell(page, 'playground', 'channels + 2');
    await expect.poll(() => outputText(page, 'playground')).toBe('18');
    await page.close();
  });

  it('truncates a huge output instead of freezing', async () => {
    const { page } = await openNotebook();
    await editCell(page, 'playground', "for (let i = 0; i < 100000; i++) display(i)\n'x'.repeat(1e7)");
    await waitForState(page, 'playground', 'ok');
    expect(await outputText(page, 'playground')).toMatch(
      /Output truncated: this cell displayed more than 200 values/
    );
    await editCell(page, 'playground', "'x'.repeat(1e7)");
    await expect.poll(() => outputText(page, 'playground')).toMatch(/9,980,000 more characters not shown/);
    await page.close();
  });
});

describe('drafts', () => {
  it('a reload keeps the reader’s edit and runs it', async () => {
    const { page } = await openNotebook();
    await editCell(page, 'channels', 'const channels = 8');
    await expect.poll(() => outputText(page, 'sentence')).toContain('has 72 weights');
    await page.reload();
    await expect.poll(() => outputText(page, 'sentence')).toContain('has 72 weights');
    expect(await cell(page, 'channels').locator('.cm-content').innerText()).toBe('const channels = 8');
    await page.close();
  });

  it('reset puts the original back and undo restores the edit', async () => {
    const { page } = await openNotebook();
    await editCell(page, 'channels', 'const channels = 4');
    await expect.poll(() => outputText(page, 'sentence')).toContain('has 36 weights');
    await cell(page, 'channels').getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => outputText(page, 'sentence')).toContain('has 144 weights');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => outputText(page, 'sentence')).toContain('has 36 weights');
    await page.getByRole('button', { name: 'Reset all' }).click();
    await expect.poll(() => outputText(page, 'sentence')).toContain('has 144 weights');
    await page.reload();
    await waitForState(page, 'sentence', 'ok');
    expect(await outputText(page, 'sentence')).toContain('has 144 weights');
    await page.close();
  });

  it('opens in safe mode when the last run froze, and runs edits only on request', async () => {
    const { page } = await openNotebook();
    await editCell(page, 'channels', 'const channels = 2');
    await expect.poll(() => outputText(page, 'sentence')).toContain('has 18 weights');
    await page.evaluate(() =>
      localStorage.setItem('nb:v1:how-to-use:running', JSON.stringify({ cellId: 'channels', startedAt: 1 }))
    );
    await page.reload();
    await page.getByText('Safe mode.').waitFor();
    await waitForState(page, 'channels', 'dirty');
    expect(await outputText(page, 'channels')).toMatch(/Paused/);
    expect(await cell(page, 'channels').locator('.cm-content').innerText()).toBe('const channels = 2');
    await page.getByRole('button', { name: 'Run edited cells' }).click();
    await expect.poll(() => outputText(page, 'sentence')).toContain('has 18 weights');
    await page.close();
  });

  it('says drafts are not saved when the stored data is damaged, and still works', async () => {
    const { page } = await openNotebook();
    await page.evaluate(() => localStorage.setItem('nb:v1:how-to-use', '{broken'));
    await page.reload();
    await page.getByText('could not be read').waitFor();
    await waitForState(page, 'sentence', 'ok');
    await editCell(page, 'channels', 'const channels = 1');
    await expect.poll(() => outputText(page, 'sentence')).toContain('has 9 weights');
    await page.close();
  });

  it('says drafts are not saved when storage is full, and keeps the edit on the page', async () => {
    const { page } = await openNotebook();
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await editCell(page, 'channels', 'const channels = 3');
    await page.getByText('Local storage is full').waitFor();
    await expect.poll(() => outputText(page, 'sentence')).toContain('has 27 weights');
    await page.close();
  });
});

describe('the index page', () => {
  it('lists the notebooks in order and leaves out hidden test pages', async () => {
    const { page, problems } = await openPage(browser, '/');
    const titles = await page.locator('ol.notebooks .title').allInnerTexts();
    expect(titles[0]).toBe('How to use these notebooks');
    expect(titles).not.toContain('Toolkit check');
    expect(problems).toEqual([]);
    await page.close();
  });
});
