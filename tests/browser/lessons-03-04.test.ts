/**
 * The lessons "Deeper is not better" and "Residual networks": every cell runs without error on the
 * defaults (recorded runs, no live training), and each exercise says "not yet" to a wrong edit and
 * "right" to a correct one.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell, editCell, launch, openPage, outputText, waitForState } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Waits until no cell is pending or running, and returns each cell's state. */
async function settle(page: Page, timeout = 120_000): Promise<Record<string, string>> {
  const states = () =>
    page.$$eval('[data-cell-id]', (els) =>
      Object.fromEntries(
        els.map((e) => [(e as HTMLElement).dataset.cellId, (e as HTMLElement).dataset.cellState])
      )
    );
  await expect
    .poll(async () => Object.values(await states()).every((s) => s === 'ok' || s === 'error'), {
      timeout,
      interval: 250
    })
    .toBe(true);
  return states();
}

/** The errors of the cells in error, for a readable failure. */
async function errors(page: Page, states: Record<string, string>) {
  const failed = Object.keys(states).filter((id) => states[id] !== 'ok');
  return Promise.all(failed.map(async (id) => `${id}: ${(await cell(page, id).innerText()).slice(0, 300)}`));
}

const solved = (page: Page, id: string) =>
  cell(page, id).locator('[data-exercise]').getAttribute('data-solved');

/** Edits `id` to `source`, waits for it to run, and expects the check cell's verdict. */
async function attempt(page: Page, id: string, source: string, check: string, verdict: 'true' | 'false') {
  await editCell(page, id, source);
  await waitForState(page, id, 'ok', 60_000);
  await expect.poll(() => solved(page, check), { timeout: 60_000 }).toBe(verdict);
}

describe('03 Deeper is not better', () => {
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    ({ page, problems } = await openPage(browser, '/notebooks/deeper-is-not-better'));
  });
  afterAll(() => page?.close());

  it('runs every cell without an error, from the recorded runs', async () => {
    const states = await settle(page);
    expect(await errors(page, states)).toEqual([]);
    expect(problems).toEqual([]);
    expect(await outputText(page, 'smallCounts')).toContain('the only difference is the one addition');
    expect(await outputText(page, 'resultTable')).toMatch(/^depth/);
    // The live training is off by default: the chart shows the recorded depth-8 runs.
    expect(await outputText(page, 'liveStatus')).toContain('Train live');
    expect(await cell(page, 'initChart').locator('svg circle').count()).toBe(2 * 56);
  });

  it('draws the gradient norms of the depth the reader picks', async () => {
    await cell(page, 'normDepth').getByLabel('8', { exact: true }).check();
    await expect
      .poll(() => cell(page, 'initChart').locator('svg circle').count(), { timeout: 30_000 })
      .toBe(16);
    expect(await outputText(page, 'initText')).toContain('at depth 8');
  });

  it('starts live training with one click and stops it with another', async () => {
    const toggle = cell(page, 'liveToggle').locator('input[type=checkbox]');
    await toggle.check();
    await expect
      .poll(() => outputText(page, 'liveStatus'), { timeout: 60_000 })
      .toMatch(/plain-8: step \d+ of 400/);
    await toggle.uncheck();
    await expect.poll(() => outputText(page, 'liveStatus'), { timeout: 30_000 }).toContain('Train live');
  });

  it('checks the count of 3×3 convolutions', async () => {
    await attempt(page, 'convs3x3', 'const convs3x3 = 18', 'convsCheck', 'false');
    expect(await outputText(page, 'convsCheck')).toContain('Is the stem a 3×3 convolution too?');
    await attempt(page, 'convs3x3', 'const convs3x3 = 19', 'convsCheck', 'true');
  });

  it('checks the prediction of the failing depth against the recorded runs', async () => {
    const worst = Number((await outputText(page, 'resultText')).match(/depth (\d+) does worst/)![1]);
    const wrong = [8, 20, 32, 56].find((d) => d !== worst)!;
    await attempt(page, 'guess', `const worstDepth = ${wrong}`, 'guessCheck', 'false');
    await attempt(page, 'guess', `const worstDepth = ${worst}`, 'guessCheck', 'true');
  });

  it('checks the 20-layer residual stack', async () => {
    await attempt(page, 'myStack', 'const myStack = residualStack(8, { seed: 1 })', 'myStackCheck', 'false');
    expect(await outputText(page, 'myStackCheck')).toContain('with 8 weighted layers, not 20');
    await attempt(page, 'myStack', 'const myStack = residualStack(20, { seed: 1 })', 'myStackCheck', 'true');
  });
});

describe('04 Residual networks', () => {
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    ({ page, problems } = await openPage(browser, '/notebooks/residual-networks'));
  });
  afterAll(() => page?.close());

  it('runs every cell without an error, from the recorded runs', async () => {
    const states = await settle(page);
    expect(await errors(page, states)).toEqual([]);
    expect(problems).toEqual([]);
    expect(await outputText(page, 'tkText')).toContain('4,640 parameters');
    expect(await outputText(page, 'zeroDemo')).toContain('difference between output and input: 0.');
    expect(await outputText(page, 'mismatch')).toContain('a residual connection needs both shapes to match');
    expect(await outputText(page, 'modelNumbers')).toContain('32 · 4 · 4 = 512 features');
    const table = await outputText(page, 'compareTable');
    expect(table).toContain('97,298'); // the Inception net's parameters
    expect(table).toContain('41,514'); // the residual net's
    expect(table).toMatch(/Residual net\s+9\d\.\d %/); // the recorded run's test accuracy
  });

  it('trains the residual net live with one click and goes back to the recording with another', async () => {
    const toggle = cell(page, 'trainLive').locator('input[type=checkbox]');
    await toggle.check();
    await expect
      .poll(() => outputText(page, 'status'), { timeout: 60_000 })
      .toMatch(/Residual net: live, epoch 1 of 3, step \d+/);
    await toggle.uncheck();
    await expect.poll(() => outputText(page, 'status'), { timeout: 30_000 }).toContain('recorded run');
  });

  it('checks the projection shortcut', async () => {
    const join = (shortcut: string) =>
      `const join = () => {\n  const shortcut = ${shortcut}\n  return add(shortcut, wide)\n}`;
    await attempt(
      page,
      'join',
      join("Conv2d(16, 32, 3, { padding: 1, name: 'p3' })(skipIn)"),
      'joinCheck',
      'false'
    );
    expect(await outputText(page, 'joinCheck')).toContain('no 1×1 convolution');
    await attempt(
      page,
      'join',
      join("Conv2d(16, 32, 1, { name: 'projection' })(skipIn)"),
      'joinCheck',
      'true'
    );
    expect(await outputText(page, 'joinCheck')).toContain(
      "The projection has 16 · 32 + 32 = 544 weights — cheap next to the 3×3 conv's 4,640."
    );
  });

  it('checks the parameter count of ResidualBlock(32)', async () => {
    await attempt(page, 'block32Params', 'const block32Params = 18432', 'block32Check', 'false');
    expect(await outputText(page, 'block32Check')).toContain('one bias per output channel');
    await attempt(
      page,
      'block32Params',
      'const block32Params = 2 * (9 * 32 * 32 + 32)',
      'block32Check',
      'true'
    );
  });

  it('the residual block’s parameter sentence follows the block: 32 channels give 2 · (32 · 32 · 9 + 32)', async () => {
    await editCell(
      page,
      'tkBlock',
      "const tkIn = input([32, 12, 12])\nconst tkOut = ResidualBlock(32, { name: 'rblock' })(tkIn)\n" +
        "const tkBlock = buildModel(tkIn, tkOut, { name: 'ResidualBlock32' })"
    );
    await expect.poll(() => outputText(page, 'tkText'), { timeout: 15_000 }).toContain('18,496 parameters');
    const sentence = await outputText(page, 'tkText');
    expect(sentence).toContain('32 → 32 channels');
    expect(sentence).not.toContain('16 → 16');
    expect(sentence).toContain('32×12×12');
  });
});
