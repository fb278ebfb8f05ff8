/**
 * The diagrams a cell draws speak the page's language: on a Chinese page their headings, legends, table
 * headers, buttons and descriptions are Chinese (layer names, code and shapes as they are); on the English
 * page the same cell draws them in English.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell, editCell, launch, openPage, output, outputText, waitForState } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Opens how-to-use in `edition` and draws `source` in its playground cell. */
async function draw(edition: '' | '/zh', source: string): Promise<Page> {
  const { page } = await openPage(browser, `${edition}/notebooks/how-to-use`);
  await waitForState(page, 'playground', 'ok', 30_000);
  await editCell(page, 'playground', source);
  await waitForState(page, 'playground', 'ok', 30_000);
  // attached, not visible: shapeFlow's element stays hidden while the drawing inside it shows
  await output(page, 'playground').locator('.nb-diagram').waitFor({ state: 'attached' });
  return page;
}

const text = (page: Page) => outputText(page, 'playground');

describe('diagrams on a Chinese page', () => {
  it('shapeFlow() titles, legend, button and descriptions are Chinese', async () => {
    const page = await draw('/zh', 'shapeFlow(inceptionNet())');
    const flow = output(page, 'playground');
    await flow.locator('svg').waitFor();
    const bar = await text(page);
    expect(bar).toMatch(/参数 [\d,]+ 个 · 乘加 [\d,]+ 次/);
    expect(bar).not.toMatch(/parameters|mult-adds/);
    const legend = await flow.locator('.sf-legend').innerText();
    for (const kind of ['输入', '卷积', '池化', '拼接', '展平', '全连接']) expect(legend).toContain(kind);
    expect(legend).not.toMatch(/conv|pool|concat/);
    const concat = await flow.locator('[data-id="incep1/concat"]').getAttribute('aria-label');
    expect(concat).toContain('输出形状 88×12×12（C×H×W）');
    expect(concat).toContain('16+24+24+24 = 88'); // shapes and sums stay as they are
    expect(await flow.locator('svg').getAttribute('aria-label')).toContain('的形状流图');
    // The hover details: Chinese row headers, code as it is.
    await flow.locator('[data-id="incep1/concat"]').hover();
    const tip = await flow.locator('.sf-tip').innerText();
    expect(tip).toContain('形状（C×H×W）');
    expect(tip).toContain('乘加次数');
    expect(tip).toContain('Concatenate');
    // Collapsing: the button and the collapsed block's own words.
    await flow.getByRole('button', { name: '折叠所有块' }).click();
    await expect.poll(() => flow.locator('[data-id="incep1"]').count()).toBe(1);
    expect(await flow.locator('[data-id="incep1"]').getAttribute('aria-label')).toMatch(
      /折叠起来的块，按 Enter 展开。.*incep1（\d+ 层）/
    );
    expect(await flow.getByRole('button', { name: '展开所有块' }).count()).toBe(1);
    await page.close();
  });

  it('shapeFlow() keeps every label inside the drawing and inside its block’s frame', async () => {
    // (Layer and block names are tfjs names, which must be ASCII: tfjs refuses "开头的卷积层/kernel".)
    const page = await draw('/zh', 'shapeFlow(inceptionNet())');
    const svg = output(page, 'playground').locator('svg').first();
    await svg.waitFor();
    const outside = await svg.evaluate((el: SVGSVGElement) => {
      const box = el.viewBox.baseVal;
      const frames = new Map(
        [...el.querySelectorAll('.frame')].map((f) => {
          const r = (f.querySelector('rect.frame-box') as SVGRectElement).getBBox();
          return [f.querySelector('text')!.textContent!.split(' ')[0], r.x + r.width] as const;
        })
      );
      const toView = el.getCTM()!.inverse();
      return [...el.querySelectorAll('text')].flatMap((text) => {
        const b = text.getBBox();
        const right = toView.multiply(text.getCTM()!).e + b.x + b.width;
        const id = text.closest('.node')?.getAttribute('data-id') ?? '';
        const block = id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : '';
        const limit = frames.get(block) ?? box.x + box.width;
        return right > limit + 0.5
          ? [`${text.textContent}: ${Math.round(right)} > ${Math.round(limit)}`]
          : [];
      });
    });
    expect(outside).toEqual([]);
    await page.close();
  });

  it('layerTable() has Chinese headers, caption and totals row', async () => {
    const page = await draw('/zh', 'layerTable(inceptionNet())');
    const headers = await output(page, 'playground').locator('thead th').allInnerTexts();
    expect(headers).toEqual(['层', '类型', '输出形状', '参数量', '乘加次数']);
    const all = await text(page);
    expect(all).toContain('合计');
    expect(all).toContain('的各层：每个样本的输出形状');
    expect(all).toContain('88×12×12');
    expect(all).toContain('Conv2d(');
    await page.close();
  });

  it('costExplorer() words its sums, ratio, key and a rejected size in Chinese', async () => {
    const page = await draw('/zh', 'costExplorer()');
    const all = await text(page);
    expect(all).toContain('直接做 5×5 卷积：120,422,400 次乘加');
    expect(all).toContain('先用 1×1 卷积降到 16 个通道：12,443,648 次乘加');
    expect(all).toContain('9.68 倍');
    expect(all).toContain('瓶颈层之后的 5×5 卷积');
    expect(all).not.toMatch(/mult-adds|bottleneck|Direct/);
    await output(page, 'playground').locator('input[data-field="h"]').fill('-5');
    await expect.poll(() => text(page)).toContain('高度不能是负数，现在是 -5');
    await page.close();
  });

  it('oneByOne() and digitPad() label their parts in Chinese', async () => {
    let page = await draw('/zh', 'oneByOne()');
    const all = await text(page);
    expect(all).toContain('卷积核：2×3×1×1');
    expect(all).toContain('输出像素：加权和');
    expect(await output(page, 'playground').locator('svg').textContent()).toContain('每个像素用同一组权重');
    await page.close();
    page = await draw('/zh', 'digitPad()');
    expect(await cell(page, 'playground').getByRole('button', { name: '清除' }).count()).toBe(1);
    expect(await text(page)).toContain('网络看到的样子');
    await page.close();
  });

  it('featureMaps() words its colour scale and layer captions in Chinese', async () => {
    const page = await draw('/zh', 'featureMaps(inceptionNet(), new Float32Array(784))');
    await expect
      .poll(() => output(page, 'playground').locator('section.layer').count(), { timeout: 15_000 })
      .toBe(4);
    const all = await text(page);
    expect(all).toContain('色标：');
    expect(all).toContain('所有特征图共用');
    expect(all).toContain('输入 28×28');
    expect(all).not.toMatch(/Colour scale|shared by all/);
    await page.close();
  });

  it('a diagram that cannot draw its argument says so in Chinese', async () => {
    const page = await draw('/zh', 'shapeFlow(42)');
    expect(await text(page)).toContain('无法绘制这个模型：这里需要一个 tf.LayersModel');
    await page.close();
  });
});

describe('the same diagrams on the English page', () => {
  it('shapeFlow() and layerTable() keep their English words', async () => {
    let page = await draw('', 'shapeFlow(inceptionNet())');
    expect(await text(page)).toMatch(/[\d,]+ parameters · [\d,]+ mult-adds/);
    expect(await output(page, 'playground').locator('.sf-legend').innerText()).toContain('conv');
    expect(
      await output(page, 'playground').getByRole('button', { name: 'Collapse all blocks' }).count()
    ).toBe(1);
    expect(await text(page)).not.toMatch(/\p{Script=Han}/u);
    await page.close();
    page = await draw('', 'layerTable(inceptionNet())');
    const headers = await output(page, 'playground').locator('thead th').allInnerTexts();
    expect(headers).toEqual(['Layer', 'Type', 'Output shape', 'Params', 'Mult-adds']);
    await page.close();
  });
});
