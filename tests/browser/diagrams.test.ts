import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell, editCell, launch, openPage, output, outputText, waitForState } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const notebook = '/notebooks/toolkit-check';

async function openNotebook() {
  const opened = await openPage(browser, notebook);
  await waitForState(opened.page, 'flow', 'ok', 30_000);
  return opened;
}

/** The edited model cell: one InceptionA whose pool branch has 32 channels (16+24+24+32 = 96). */
const widerModel = `const model = (() => {
  const x0 = input([1, 28, 28])
  let x = relu(MaxPool2d(2, { name: 'mp' })(Conv2d(1, 10, 5, { name: 'conv1' })(x0)))
  x = InceptionA(10, { name: 'incep1', widths: { branch_pool: 32 } })(x)
  x = Linear(96 * 12 * 12, 10, { name: 'fc' })(flatten(x))
  return buildModel(x0, x, { name: 'wider' })
})()`;

const svgText = (page: Page, id: string) => output(page, id).locator('svg').first().textContent();

describe('the toolkit diagrams, mounted from cells', () => {
  it('every cell of the toolkit check runs with no error and no third-party request', async () => {
    const { page, problems } = await openNotebook();
    await waitForState(page, 'maps', 'ok', 30_000);
    const states = await page.$$eval('[data-cell-id]', (els) =>
      els.map((e) => `${(e as HTMLElement).dataset.cellId}:${(e as HTMLElement).dataset.cellState}`)
    );
    expect(states.filter((s) => !s.endsWith(':ok'))).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shapeFlow() and layerTable() follow an edit of the model cell: 88 → 96 channels', async () => {
    const { page } = await openNotebook();
    await waitForState(page, 'table', 'ok');
    expect(await svgText(page, 'flow')).toContain('16+24+24+24 = 88');
    expect(await svgText(page, 'flow')).toContain('88·4·4 = 1408');
    expect(await outputText(page, 'table')).toContain('88×12×12');
    await editCell(page, 'model', widerModel);
    await expect.poll(() => svgText(page, 'flow'), { timeout: 15_000 }).toContain('16+24+24+32 = 96');
    await expect.poll(() => outputText(page, 'table')).toContain('96×12×12');
    expect(await outputText(page, 'table')).not.toContain('88×12×12');
    await page.close();
  });

  it('shapeFlow() collapses and expands a block, and describes each tensor for keyboard readers', async () => {
    const { page } = await openNotebook();
    const flow = output(page, 'flow');
    const label = await flow.locator('[data-id="incep1/concat"]').getAttribute('aria-label');
    expect(label).toContain('88×12×12');
    expect(label).toContain('[null,12,12,88]');
    expect(label).toContain('Concatenate');
    await flow.getByRole('button', { name: 'Collapse all blocks' }).click();
    await expect.poll(() => flow.locator('[data-id="incep1"]').count()).toBe(1);
    expect(await flow.locator('[data-id="incep1/branch1x1"]').count()).toBe(0);
    await flow.locator('[data-id="incep1"]').click();
    await expect.poll(() => flow.locator('[data-id="incep1/branch1x1"]').count()).toBe(1);
    await page.close();
  });

  it('shapeFlow() shows a box’s details beside it, also when the drawing is narrower than its cell', async () => {
    const { page } = await openNotebook();
    await waitForState(page, 'resFlow', 'ok');
    const flow = output(page, 'resFlow');
    const block = flow.locator('.node.k-block').first();
    await block.scrollIntoViewIfNeeded();
    await block.hover();
    const box = (await block.locator('rect.box').boundingBox())!;
    const tip = (await flow.locator('.sf-tip').boundingBox())!;
    // just below the box, starting just right of it (the label's column)
    expect(Math.abs(tip.y - (box.y + box.height))).toBeLessThan(12);
    expect(Math.abs(tip.x - (box.x + box.width))).toBeLessThan(20);
    await page.close();
  });

  it('shapeFlow() of something that is not a model says so instead of drawing a blank box', async () => {
    const { page } = await openNotebook();
    await editCell(page, 'resFlow', 'shapeFlow(42)');
    await expect.poll(() => outputText(page, 'resFlow')).toContain('expected a tf.LayersModel');
    await page.close();
  });

  it('costExplorer() shows the lecture numbers and rejects a negative size in place', async () => {
    const { page } = await openNotebook();
    await waitForState(page, 'costValue', 'ok');
    const text = await outputText(page, 'cost');
    expect(text).toContain('120,422,400');
    expect(text).toContain('12,443,648');
    expect(text).toContain('9.68×');
    const explorer = output(page, 'cost');
    await explorer.locator('input[data-field="h"]').fill('-5');
    await expect.poll(() => outputText(page, 'cost')).toContain('height must not be negative, got -5');
    expect(await explorer.locator('input[data-field="h"]').getAttribute('aria-invalid')).toBe('true');
    expect(await outputText(page, 'cost')).toContain('120,422,400'); // the last valid numbers stay
    // As a view, it gives its settings to the cells that read them.
    await explorer.locator('input[data-field="bottleneck"]').fill('32');
    await expect.poll(() => outputText(page, 'costValue')).toMatch(/bottleneck:\s*32/);
    await page.close();
  });

  it('trainingChart() draws one loss path per run', async () => {
    const { page } = await openNotebook();
    await waitForState(page, 'chart', 'ok');
    const paths = output(page, 'chart').locator('path.line.loss');
    expect(await paths.count()).toBe(2);
    for (const d of await paths.evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''))) {
      expect(d).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){19}$/);
    }
    await page.close();
  });

  it('digitPad() gives what is drawn to the cells that read it, as 784 MNIST-normalised values', async () => {
    const { page } = await openNotebook();
    await waitForState(page, 'drawnInk', 'ok');
    expect(await outputText(page, 'drawnInk')).toContain('0 inked pixels of 784');
    const pad = cell(page, 'pad').locator('canvas.pad');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.8, { steps: 10 });
    await page.mouse.up();
    await expect
      .poll(async () => parseInt((await outputText(page, 'drawnInk')).replace(/^\D+/, '')))
      .toBeGreaterThan(20);
    await cell(page, 'pad').getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => outputText(page, 'drawnInk')).toContain('"0 inked pixels');
    await page.close();
  });

  it('digitProbabilities() shows ten bars, 0–9, that sum to 1 and follow the pen while it draws', async () => {
    const { page } = await openNotebook();
    await waitForState(page, 'probs', 'ok', 30_000);
    const bars = output(page, 'probs').locator('li[data-digit]');
    const read = () =>
      bars.evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.probability)));
    await expect.poll(() => bars.count()).toBe(10);
    expect(await bars.locator('.digit').allInnerTexts()).toEqual('0123456789'.split(''));
    const blank = await read();
    const pad = cell(page, 'pad').locator('canvas.pad');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    const at = (x: number, y: number) => [box.x + box.width * x, box.y + box.height * y] as const;
    // A vertical stroke, held down: the bars change before the pen is lifted.
    await page.mouse.move(...at(0.5, 0.15));
    await page.mouse.down();
    await page.mouse.move(...at(0.5, 0.85), { steps: 12 });
    await expect.poll(read, { timeout: 5_000 }).not.toEqual(blank);
    await page.mouse.up();
    await page.waitForTimeout(300); // the last report after the pen is lifted
    const one = await read();
    expect(one.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    // The top bar is the one marked, and its value is written beside it.
    const top = one.indexOf(Math.max(...one));
    expect(await output(page, 'probs').locator('li.top').getAttribute('data-digit')).toBe(String(top));
    expect(await bars.nth(top).locator('.value').innerText()).toMatch(/^\d+(\.\d)? %$/);
    // A second, different drawing: a ring.
    await cell(page, 'pad').getByRole('button', { name: 'Clear' }).click();
    await page.mouse.move(...at(0.5, 0.2));
    await page.mouse.down();
    for (let i = 1; i <= 24; i++) {
      const a = (i / 24) * 2 * Math.PI;
      await page.mouse.move(...at(0.5 + 0.3 * Math.sin(a), 0.5 - 0.3 * Math.cos(a)));
    }
    await page.mouse.up();
    await expect.poll(read).not.toEqual(blank);
    const ring = await read();
    expect(ring.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    expect(ring).not.toEqual(one);
    await page.close();
  });

  it('featureMaps() tiles are at least 96 px, pixelated, and "per map" redraws them with their own contrast', async () => {
    const { page } = await openNotebook();
    await waitForState(page, 'maps', 'ok', 30_000);
    const maps = output(page, 'maps');
    const tile = maps.locator('section.layer canvas').first();
    await tile.waitFor();
    const { width, height } = (await tile.boundingBox())!;
    expect(width).toBeGreaterThanOrEqual(96);
    expect(height).toBeGreaterThanOrEqual(96);
    expect(await tile.evaluate((e) => getComputedStyle(e).imageRendering)).toBe('pixelated');
    const pixels = () =>
      maps
        .locator('section.layer canvas')
        .evaluateAll((els) => els.map((e) => (e as HTMLCanvasElement).toDataURL()).join());
    const shared = await pixels();
    await maps.getByLabel('per map').check();
    await expect.poll(pixels).not.toBe(shared);
    await maps.getByLabel('shared by all maps').check();
    await expect.poll(pixels).toBe(shared);
    await page.close();
  });

  it('featureMaps() draws one canvas per channel of the first Inception block', async () => {
    const { page } = await openNotebook();
    await waitForState(page, 'maps', 'ok', 30_000);
    const maps = output(page, 'maps');
    await expect.poll(() => maps.locator('section.layer').count(), { timeout: 15_000 }).toBe(4);
    expect(await maps.locator('section.layer canvas').count()).toBe(16 + 24 + 24 + 24);
    await page.close();
  });
});

it('mnistFiles() reads the four official idx .gz files a reader picks', async () => {
  const { encodeIdx } = await import('../../src/lib/data/idx');
  const { gzipSync } = await import('node:zlib');
  const digits = (count: number) =>
    encodeIdx({ dims: [count, 28, 28], data: new Uint8Array(count * 784).fill(7) });
  const labels = (count: number) =>
    encodeIdx({ dims: [count], data: new Uint8Array(count).map((_, i) => i % 10) });
  const file = (name: string, bytes: Uint8Array) => ({
    name,
    mimeType: 'application/gzip',
    buffer: gzipSync(bytes)
  });
  const { page } = await openPage(browser, '/notebooks/toolkit-check');
  await waitForState(page, 'officialCount', 'ok');
  expect(await outputText(page, 'officialCount')).toContain('none chosen');
  await page
    .locator('[data-cell-id="officialPicker"] input[type=file]')
    .setInputFiles([
      file('train-images-idx3-ubyte.gz', digits(30)),
      file('train-labels-idx1-ubyte.gz', labels(30)),
      file('t10k-images-idx3-ubyte.gz', digits(10)),
      file('t10k-labels-idx1-ubyte.gz', labels(10))
    ]);
  await expect.poll(() => outputText(page, 'officialCount')).toContain('30 training + 10 test digits');
  await page.close();
});
