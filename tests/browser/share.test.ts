/**
 * Share links and opened files: a link restores the section and the inputs, and code that arrives by link
 * or file is shown but never runs until the reader presses Run.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { baseUrl, cell, editCell, launch, openPage, output, outputText, waitForState } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const foreignCode = '(window.foreignRan = true, `Shared view: ${size} px`)';
const ran = (page: Page) =>
  page.evaluate(() => (window as unknown as { foreignRan?: boolean }).foreignRan === true);

/** Makes a link on how-to-use with the slider at 20, an edit of gridText, scrolled to the slider's section. */
async function makeLink(): Promise<string> {
  const { page } = await openPage(browser, '/notebooks/how-to-use');
  await waitForState(page, 'gridText', 'ok');
  await cell(page, 'sizeSlider').locator('input[type=range]').fill('20');
  await expect.poll(() => outputText(page, 'gridText')).toBe('A 20×20 image has 400 pixels.');
  await editCell(page, 'gridText', foreignCode);
  await expect.poll(() => outputText(page, 'gridText')).toBe('"Shared view: 20 px"');
  await page
    .locator('h2', { hasText: 'A slider drives the cells below it' })
    .evaluate((h) => h.scrollIntoView());

  await page.getByRole('button', { name: 'Share link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share a link to what you see' });
  await expect
    .poll(() => dialog.innerText())
    .toContain('Opens at the section “A slider drives the cells below it”');
  expect(await dialog.innerText()).toContain('Sets the input “size” as you set it.');
  await dialog.getByRole('checkbox').check();
  await expect.poll(() => dialog.locator('#share-url').inputValue()).toContain('code=');
  const link = await dialog.locator('#share-url').inputValue();
  await page.close();
  return link;
}

it('a shared link opens at its section with its slider value, and its code waits for a click', async () => {
  const link = await makeLink();
  expect(link.startsWith(baseUrl() + '/notebooks/how-to-use?v.size=20&code=')).toBe(true);
  expect(link.endsWith('#a-slider-drives-the-cells-below-it')).toBe(true);

  // A fresh browser context: nothing of the sender's storage.
  const { page, problems } = await openPage(browser, link.slice(baseUrl().length));
  await waitForState(page, 'grid', 'ok');
  expect(await cell(page, 'sizeSlider').locator('input[type=range]').inputValue()).toBe('20');
  expect(await output(page, 'grid').locator('svg').getAttribute('aria-label')).toBe('20 by 20 grid');
  await expect
    .poll(() =>
      page.locator('#a-slider-drives-the-cells-below-it').evaluate((h) => h.getBoundingClientRect().top)
    )
    .toBeLessThan(120);

  // The linked code is in the cell, marked, and has not run; the banner says so.
  const gridText = cell(page, 'gridText');
  await expect.poll(() => gridText.locator('.code').innerText()).toContain('Shared view');
  expect(await gridText.locator('.badge').innerText()).toBe('from a link, not run');
  await expect
    .poll(() => outputText(page, 'gridText'))
    .toMatch(/came with the link you opened and has not run/);
  expect(await page.getByRole('alert').innerText()).toMatch(
    /Code from a link\.\s+It changes cell “gridText”/
  );
  expect(await ran(page)).toBe(false);

  // Not saved as the reader's draft either, even when running another cell saves the drafts: without the
  // link, the page has the original code.
  await editCell(page, 'channels', 'const channels = 2');
  await expect.poll(() => outputText(page, 'sentence')).toContain('has 18 weights');
  await page.goto(baseUrl() + '/notebooks/how-to-use');
  await waitForState(page, 'gridText', 'ok');
  expect(await outputText(page, 'gridText')).toBe('A 12×12 image has 144 pixels.');
  expect(await outputText(page, 'sentence')).toContain('has 18 weights'); // the reader's own edit ran
  expect(await ran(page)).toBe(false);

  // Back to the link: Run is the click that makes the code run, and the address then drops it.
  await page.goto(link);
  await expect.poll(() => outputText(page, 'gridText')).toMatch(/has not run/);
  await cell(page, 'gridText').getByRole('button', { name: 'Run' }).click();
  await expect.poll(() => outputText(page, 'gridText')).toBe('"Shared view: 20 px"');
  expect(await ran(page)).toBe(true);
  expect(await page.getByRole('alert').count()).toBe(0);
  await expect.poll(() => page.url()).not.toContain('code=');
  expect(page.url()).toContain('v.size=20');
  expect(problems).toEqual([]);
  await page.close();
});

it('discarding linked code puts the cell back as it was', async () => {
  const link = await makeLink();
  const { page } = await openPage(browser, link.slice(baseUrl().length));
  await expect.poll(() => outputText(page, 'gridText')).toMatch(/has not run/);
  await page.getByRole('button', { name: 'Discard it' }).click();
  await expect.poll(() => outputText(page, 'gridText')).toBe('A 20×20 image has 400 pixels.');
  expect(await ran(page)).toBe(false);
  expect(await cell(page, 'gridText').locator('.badge').count()).toBe(0);
  await page.close();
});

it('Reset drops linked code for good: there is no Undo that would run it', async () => {
  const link = await makeLink();
  const { page } = await openPage(browser, link.slice(baseUrl().length));
  await expect.poll(() => outputText(page, 'gridText')).toMatch(/has not run/);
  // Code that has not run is not the reader's edit: the toolbar counts no edited cells.
  expect(await page.getByRole('button', { name: 'Reset all' }).count()).toBe(0);
  await cell(page, 'gridText').getByRole('button', { name: 'Reset' }).click();
  await expect.poll(() => outputText(page, 'gridText')).toBe('A 20×20 image has 400 pixels.');
  expect(await page.getByRole('button', { name: 'Undo' }).count()).toBe(0);
  expect(await ran(page)).toBe(false);
  await page.close();
});

it('in safe mode, "Run edited cells" runs the reader’s own edits but not linked code', async () => {
  const link = await makeLink();
  const { page } = await openPage(browser, '/notebooks/how-to-use');
  await editCell(page, 'channels', 'const channels = 2');
  await expect.poll(() => outputText(page, 'sentence')).toContain('has 18 weights');
  await page.evaluate(() =>
    localStorage.setItem('nb:v1:how-to-use:running', JSON.stringify({ cellId: 'channels', startedAt: 1 }))
  );
  await page.goto(link);
  await page.getByText('Safe mode.').waitFor();
  await page.getByRole('button', { name: 'Run edited cells' }).click();
  await expect.poll(() => outputText(page, 'sentence')).toContain('has 18 weights');
  await expect.poll(() => outputText(page, 'gridText')).toMatch(/has not run/);
  expect(await ran(page)).toBe(false);
  await page.close();
});

it('running linked code over the reader’s own edit keeps that edit one Undo away; Reset then Undo too', async () => {
  const link = await makeLink();
  const { page } = await openPage(browser, '/notebooks/how-to-use');
  await editCell(page, 'gridText', '`mine`');
  await expect.poll(() => outputText(page, 'gridText')).toBe('"mine"');
  await page.goto(link);
  await expect.poll(() => outputText(page, 'gridText')).toMatch(/has not run/);

  // Reset: back to the original, and Undo brings back the reader's own edit, not the linked code.
  await cell(page, 'gridText').getByRole('button', { name: 'Reset' }).click();
  await expect.poll(() => outputText(page, 'gridText')).toBe('A 20×20 image has 400 pixels.');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => outputText(page, 'gridText')).toBe('"mine"');
  expect(await ran(page)).toBe(false);

  // Run it from the banner (after reopening the link): the reader's edit is offered back.
  await page.goto(link);
  await expect.poll(() => outputText(page, 'gridText')).toMatch(/has not run/);
  await page.getByRole('button', { name: 'Run it' }).click();
  await expect.poll(() => outputText(page, 'gridText')).toBe('"Shared view: 20 px"');
  expect(await page.locator('.notices').innerText()).toContain('Your edit of “gridText” was replaced.');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => outputText(page, 'gridText')).toBe('"mine"');
  await page.close();
});

it('says what was wrong with a damaged link and uses the rest', async () => {
  const { page } = await openPage(
    browser,
    '/notebooks/how-to-use?v.size=999&code=AAAA-not-code#no-such-section'
  );
  await waitForState(page, 'gridText', 'ok');
  const notices = page.locator('.notices [role=status]');
  await expect.poll(() => notices.count()).toBe(3);
  const text = await notices.allInnerTexts();
  expect(text.join('\n')).toContain(
    'The code in this link could not be read: the link looks cut short or altered.'
  );
  expect(text.join('\n')).toContain(
    'The link sets “size” to 999, which that input does not offer; it keeps its default.'
  );
  expect(text.join('\n')).toContain('This notebook has no section “no-such-section” any more');
  expect(await outputText(page, 'gridText')).toBe('A 12×12 image has 144 pixels.');
  await page.close();
});

it('a section that cannot be decoded does not stop the notebook', async () => {
  const { page } = await openPage(browser, '/notebooks/how-to-use#100%');
  await waitForState(page, 'gridText', 'ok');
  expect(await page.locator('.notices').innerText()).toContain("The link's section “100%” is not readable");
  await page.close();
});

it('restores a diagram view (the cost explorer) from a link', async () => {
  const settings = encodeURIComponent(
    JSON.stringify({ h: 14, w: 14, cin: 192, cout: 32, k: 5, bottleneck: 16 })
  );
  const { page } = await openPage(browser, `/notebooks/one-by-one-convolution?v.settings=${settings}`);
  await waitForState(page, 'costs', 'ok', 30_000);
  // A quarter of the 28×28 pixels: a quarter of the lecture's 120,422,400 multiply-adds.
  const value = await page.evaluate(() => {
    const explorer = document.querySelector('[data-cell-id="explorer"] .cost-explorer') as unknown as {
      value: { h: number };
    };
    return explorer.value.h;
  });
  expect(value).toBe(14);
  await expect.poll(() => output(page, 'explorer').innerText()).toContain('30,105,600');
  await page.close();
});

it('an opened notebook file shows its code without running it', async () => {
  const { page } = await openPage(browser, '/notebooks/how-to-use');
  await waitForState(page, 'gridText', 'ok');
  const original = readFileSync('notebooks/00-how-to-use.md', 'utf8');
  const edited = original.replace(
    /```js id=gridText echo\n[^\n]*\n```/,
    '```js id=gridText echo\n' + foreignCode + '\n```'
  );
  expect(edited).not.toBe(original);
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'mine.md', mimeType: 'text/markdown', buffer: Buffer.from(edited) });
  await expect
    .poll(() => outputText(page, 'gridText'))
    .toMatch(/came from the file you opened and has not run/);
  expect(await page.getByRole('alert').innerText()).toMatch(/Code from a file\./);
  expect(await ran(page)).toBe(false);
  await page.getByRole('button', { name: 'Run it' }).click();
  await expect.poll(() => outputText(page, 'gridText')).toBe('"Shared view: 12 px"');

  await page.locator('input[type=file]').setInputFiles({
    name: 'other.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from('---\ntitle: Other\n---\n\n```js id=zz\n1\n```\n')
  });
  await expect
    .poll(() => page.locator('.notices [role=status]').allInnerTexts())
    .toEqual([expect.stringContaining("“other.md”: The file “Other” has none of this notebook's cells")]);
  await page.close();
});
