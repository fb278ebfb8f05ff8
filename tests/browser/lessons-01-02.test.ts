import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell, editCell, launch, openPage, output, outputText, waitForState } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Every cell's state, by id. */
const states = (page: Page) =>
  page.$$eval('[data-cell-id]', (els) =>
    Object.fromEntries(
      els.map((e) => [(e as HTMLElement).dataset.cellId, (e as HTMLElement).dataset.cellState])
    )
  );

/** Waits until no cell is idle, dirty or running, then expects every one to be ok. */
async function expectAllOk(page: Page, timeout = 60_000) {
  await expect
    .poll(async () => Object.values(await states(page)).every((s) => s === 'ok' || s === 'error'), {
      timeout
    })
    .toBe(true);
  const bad = Object.entries(await states(page)).filter(([, s]) => s !== 'ok');
  expect(bad).toEqual([]);
}

/** The verdict of the exercise in a check cell: 'true' when solved, 'false' when not. */
const solved = (page: Page, id: string) =>
  cell(page, id).locator('[data-exercise]').getAttribute('data-solved', { timeout: 15_000 });

async function expectVerdict(page: Page, id: string, verdict: 'true' | 'false', text?: string) {
  await expect.poll(() => solved(page, id), { timeout: 15_000 }).toBe(verdict);
  if (text) await expect.poll(() => outputText(page, id)).toContain(text);
}

describe('notebook 01: why 1×1 convolutions', () => {
  const path = '/notebooks/one-by-one-convolution';

  it('runs every cell without an error, timing included, and computes the lecture numbers', async () => {
    const { page, problems } = await openPage(browser, path);
    await waitForState(page, 'timingText', 'ok', 60_000);
    await expectAllOk(page);
    expect(await outputText(page, 'squeezeText')).toContain('16×28×28');
    expect(await outputText(page, 'costText')).toContain('9.68× fewer');
    expect(await outputText(page, 'costText')).toContain('153,600 → 15,872');
    const table = await outputText(page, 'timingTable');
    expect(table).toContain('120,422,400');
    expect(table).toContain('12,443,648');
    expect(table).toMatch(/\d+\.\d\d ms/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the cost sentence follows the explorer', async () => {
    const { page } = await openPage(browser, path);
    await waitForState(page, 'costText', 'ok');
    await output(page, 'explorer').locator('input[data-field="bottleneck"]').fill('8');
    await expect.poll(() => outputText(page, 'costText')).toContain('19.35× fewer');
    await page.close();
  });

  it('checks the 3×3-branch exercise: wrong, then right', async () => {
    const { page } = await openPage(browser, path);
    await expectVerdict(page, 'branch3x3Check', 'false');
    await editCell(page, 'branch3x3', 'const branchCost = 28 * 28 * 192 * 96');
    await expectVerdict(page, 'branch3x3Check', 'false', 'only the 1×1');
    await editCell(page, 'branch3x3', 'const branchCost = 28 * 28 * 192 * 96 + 9 * 28 * 28 * 96 * 128');
    await expectVerdict(page, 'branch3x3Check', 'true');
    await page.close();
  });

  it('checks the 20×-cheaper exercise: wrong, then right', async () => {
    const { page } = await openPage(browser, path);
    await expectVerdict(page, 'b20Check', 'false');
    await editCell(page, 'b20', 'const widest20 = 8');
    await expectVerdict(page, 'b20Check', 'false', 'only 19.35× cheaper');
    await editCell(page, 'b20', 'const widest20 = 6');
    await expectVerdict(page, 'b20Check', 'false', 'a wider one does too');
    await editCell(page, 'b20', 'const widest20 = 7');
    await expectVerdict(page, 'b20Check', 'true');
    await page.close();
  });
});

describe('notebook 02: the Inception module', () => {
  const path = '/notebooks/inception';

  it('runs every cell without an error and shows the recorded training run at once', async () => {
    const { page, problems } = await openPage(browser, path);
    await waitForState(page, 'params3bCheck', 'ok', 60_000);
    await expectAllOk(page);
    expect(await outputText(page, 'concatText')).toContain('16 + 24 + 24 + 24 = 88');
    expect(await outputText(page, 'netText')).toContain('88 · 4 · 4 = 1,408');
    expect(await outputText(page, 'widerTry')).toContain(
      'conv2 expects 88 input channels but receives 104 = 16+24+24+40'
    );
    expect(await outputText(page, 'm3aText')).toContain('163.3K');
    await expect.poll(() => outputText(page, 'status'), { timeout: 30_000 }).toContain('A recorded run');
    await expect.poll(() => outputText(page, 'trainText')).toMatch(/9\d\.\d %\*?\*?\.?$/);
    await expect.poll(() => outputText(page, 'guess'), { timeout: 15_000 }).toContain('reads this digit');
    expect(await output(page, 'maps').locator('canvas, svg, img').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('trains live when asked: the first progress arrives and can be stopped', async () => {
    const { page } = await openPage(browser, path);
    await waitForState(page, 'status', 'ok', 60_000);
    await output(page, 'live').locator('input[type=checkbox]').check();
    await expect.poll(() => outputText(page, 'status'), { timeout: 60_000 }).toMatch(/step \d+ of 375/);
    await output(page, 'status').getByRole('button', { name: 'Stop' }).click();
    await page.close();
  });

  it('checks the 128-channel exercise: wrong, then right', async () => {
    const { page } = await openPage(browser, path);
    await expectVerdict(page, 'ex128', 'false');
    const branch = (width: number) =>
      `const pooled = AvgPool2d(3, { stride: 1, padding: 1, name: 'avg_pool' })(blockIn)\n` +
      `const branchPool = Conv2d(10, ${width}, 1, { name: 'branch_pool' })(pooled)`;
    await editCell(page, 'branch4', branch(40));
    await expectVerdict(page, 'ex128', 'false', '104 channels');
    await expect.poll(() => outputText(page, 'concatText')).toContain('16 + 24 + 24 + 40 = 104');
    await editCell(page, 'branch4', branch(64));
    await expectVerdict(page, 'ex128', 'true');
    await page.close();
  });

  it('the sentences about the block follow the reader’s widths: a 32-channel pool branch makes them say 96', async () => {
    const { page } = await openPage(browser, path);
    await waitForState(page, 'concatText', 'ok', 30_000);
    expect(await outputText(page, 'concatText')).toContain('That is the 88 the lecture’s code hard-codes');
    await expect
      .poll(() => outputText(page, 'ex128'))
      .toContain('16 + 24 + 24 + 24 = 88 now. You need 40 more.');
    await editCell(
      page,
      'branch4',
      `const pooled = AvgPool2d(3, { stride: 1, padding: 1, name: 'avg_pool' })(blockIn)\n` +
        `const branchPool = Conv2d(10, 32, 1, { name: 'branch_pool' })(pooled)`
    );
    await expect.poll(() => outputText(page, 'concatText')).toContain('16 + 24 + 24 + 32 = 96');
    const sentence = await outputText(page, 'concatText');
    expect(sentence).toContain('the layer after the block has to take 96');
    expect(sentence).not.toContain('That is the 88');
    await expect
      .poll(() => outputText(page, 'ex128'))
      .toContain('16 + 24 + 24 + 32 = 96 now. You need 32 more.');
    await page.close();
  });

  it('checks the fix-conv2 exercise: wrong, then right', async () => {
    const { page } = await openPage(browser, path);
    await expectVerdict(page, 'widerCheck', 'false', 'conv2 expects 88 input channels');
    const net = (conv2In: number) =>
      [
        'const widerNet = () => {',
        '  const x0 = input([1, 28, 28], { seed: 1 })',
        "  let x = relu(MaxPool2d(2)(Conv2d(1, 10, 5, { name: 'conv1' })(x0)))",
        "  x = InceptionA(10, { name: 'incep1', widths: { branch_pool: 40 } })(x)",
        `  x = relu(MaxPool2d(2)(Conv2d(${conv2In}, 20, 5, { name: 'conv2' })(x)))`,
        "  x = InceptionA(20, { name: 'incep2' })(x)",
        "  x = Linear(1408, 10, { name: 'fc' })(flatten(x))",
        "  return buildModel(x0, x, { name: 'widerNet' })",
        '}'
      ].join('\n');
    await editCell(page, 'widerNet', net(96));
    await expectVerdict(page, 'widerCheck', 'false', 'conv2 expects 96 input channels but receives 104');
    await editCell(page, 'widerNet', net(104));
    await expectVerdict(page, 'widerCheck', 'true', 'conv2 takes 16 + 24 + 24 + 40 = 104 channels');
    expect(await outputText(page, 'widerCheck')).toContain('the second block still gives 88 × 4 × 4');
    await page.close();
  });

  it('checks the paper exercise: wrong, then right', async () => {
    const { page } = await openPage(browser, path);
    await expectVerdict(page, 'params3bCheck', 'false');
    await editCell(page, 'params3b', 'const params3b = 380000');
    await expectVerdict(page, 'params3bCheck', 'false', 'the number the paper prints');
    await editCell(
      page,
      'params3b',
      'const params3b = 256*128 + 256*128 + 9*128*192 + 256*32 + 25*32*96 + 256*64'
    );
    await expectVerdict(page, 'params3bCheck', 'true');
    await page.close();
  });
});
