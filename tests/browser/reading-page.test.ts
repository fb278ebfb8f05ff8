/**
 * The reading page as a learner meets it: code-less cells keep their bar out of the way, previous / next
 * links lead through the lessons in the page's language, hand-made tables have room between their figures,
 * the training chart's test accuracy shows above its curve, and a phone never scrolls sideways.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, cell, launch, openPage, waitForState } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Waits until every cell has run (ok or error). */
async function settle(page: Page, timeout = 90_000) {
  await expect
    .poll(
      () =>
        page.$$eval('[data-cell-id]', (els) =>
          els.every((e) => ['ok', 'error'].includes((e as HTMLElement).dataset.cellState!))
        ),
      { timeout, interval: 250 }
    )
    .toBe(true);
}

/** The bar of a cell: its height in the page's flow, whether it shows, and whether it is on screen. */
const barOf = (page: Page, id: string) =>
  cell(page, id)
    .locator('.bar')
    .evaluate((bar) => {
      const box = bar.getBoundingClientRect();
      const cellBox = bar.parentElement!.getBoundingClientRect();
      const output = bar.parentElement!.querySelector('[data-cell-output]')!.getBoundingClientRect();
      return {
        // what the bar adds to the cell's height (its code is hidden, so only the output should count)
        room: Math.round(cellBox.height - output.height),
        shown: getComputedStyle(bar).opacity === '1',
        onScreen: box.top >= 0 && box.bottom <= innerHeight && box.height > 0
      };
    });

describe('code-less cells', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await openPage(browser, '/notebooks/one-by-one-convolution'));
    await waitForState(page, 'timingTable', 'ok', 60_000);
    await waitForState(page, 'measured', 'ok', 60_000);
  });
  afterAll(() => page?.close());

  it('shows no bar until the cell is pointed at, and the bar takes no room', async () => {
    for (const id of ['timingTable', 'costs0', 'measured', 'simpleTable']) {
      const bar = await barOf(page, id);
      expect(bar.shown, id).toBe(false);
      expect(bar.room, id).toBeLessThan(10); // an empty cell keeps a strip of 0.5rem to point at
    }
    await cell(page, 'timingTable').locator('[data-cell-output]').hover();
    expect(await barOf(page, 'timingTable')).toMatchObject({ shown: true, onScreen: true });
    // and the reader can use it: Show code opens the code
    await cell(page, 'timingTable').getByRole('button', { name: 'Show code' }).click();
    await expect.poll(() => cell(page, 'timingTable').locator('.code').count()).toBe(1);
    await cell(page, 'timingTable').getByRole('button', { name: 'Hide code' }).click();
  });

  it('reaches a bar with Tab, and shows it while it has the focus', async () => {
    await page.mouse.move(0, 0);
    await cell(page, 'again').getByRole('button').first().focus();
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        () => !!document.activeElement?.closest('[data-cell-id="timingTable"] .bar')
      );
    }
    expect(reached).toBe(true);
    expect(await barOf(page, 'timingTable')).toMatchObject({ shown: true, onScreen: true });
  });

  it('keeps an empty cell reachable by the mouse', async () => {
    await page.mouse.move(0, 0);
    const strip = (await cell(page, 'costs0').boundingBox())!;
    await page.mouse.move(strip.x + strip.width / 2, strip.y + strip.height / 2);
    expect((await barOf(page, 'costs0')).shown).toBe(true);
  });
});

describe('previous and next notebook', () => {
  const links = (page: Page, where: string) =>
    page.$$eval(`${where} nav a`, (as) =>
      as.map((a) => ({
        rel: a.getAttribute('rel'),
        href: new URL((a as HTMLAnchorElement).href).pathname,
        text: a.textContent!.trim()
      }))
    );

  it('links 02 to 01 and 03 in the header and at the end, and the end link opens 03', async () => {
    const { page, problems } = await openPage(browser, '/notebooks/inception');
    const header = await links(page, 'header');
    expect(header.map((l) => [l.rel, l.href])).toEqual([
      ['prev', '/notebooks/one-by-one-convolution'],
      ['next', '/notebooks/deeper-is-not-better']
    ]);
    const end = await links(page, 'main');
    expect(end.map((l) => l.href)).toEqual(header.map((l) => l.href));
    expect(end[1].text).toContain('03');
    expect(end[1].text).toContain('Deeper is not better');
    await page.locator('main nav a[rel="next"]').click();
    await page.waitForURL(`${baseUrl()}/notebooks/deeper-is-not-better`);
    await expect.poll(() => page.locator('h1').innerText()).toMatch(/Deeper is not better/i);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('has no previous on the first notebook and no next on the last (test pages are not linked)', async () => {
    const { page } = await openPage(browser, '/notebooks/how-to-use');
    expect((await links(page, 'header')).map((l) => l.rel)).toEqual(['next']);
    await page.goto(`${baseUrl()}/notebooks/residual-networks`);
    expect((await links(page, 'main')).map((l) => l.rel)).toEqual(['prev']);
    await page.close();
  });

  it('leads a Chinese page to the Chinese notebooks, in Chinese', async () => {
    const { page } = await openPage(browser, '/zh/notebooks/inception');
    const end = await links(page, 'main');
    expect(end.map((l) => l.href)).toEqual([
      '/zh/notebooks/one-by-one-convolution',
      '/zh/notebooks/deeper-is-not-better'
    ]);
    expect(end[0].text).toContain('上一篇');
    expect(end[1].text).toContain('下一篇');
    await page.close();
  });
});

/** For each row of a table: each cell's text box (left, right) and whether the engine marked it numeric. */
const tableTexts = (page: Page, id: string) =>
  cell(page, id)
    .locator('table')
    .first()
    .evaluate((table) =>
      [...(table as HTMLTableElement).rows].map((row) =>
        [...row.cells].map((c) => {
          const range = document.createRange();
          range.selectNodeContents(c);
          const box = range.getBoundingClientRect();
          return {
            left: box.left,
            right: box.right,
            text: c.textContent!.trim(),
            num: c.classList.contains('nb-num')
          };
        })
      )
    );

describe('hand-made tables', () => {
  it('leave room between adjacent figures and right-align each numeric column (01)', async () => {
    const { page } = await openPage(browser, '/notebooks/one-by-one-convolution');
    await waitForState(page, 'timingTable', 'ok', 60_000);
    const rows = await tableTexts(page, 'timingTable');
    for (const row of rows.slice(1)) {
      for (let i = 1; i < row.length; i++) {
        expect(row[i].left - row[i - 1].right, `${row[i - 1].text} | ${row[i].text}`).toBeGreaterThanOrEqual(
          8
        );
      }
    }
    await page.close();
  });

  it('line up every numeric column of 04, header included', async () => {
    const { page } = await openPage(browser, '/notebooks/residual-networks');
    await waitForState(page, 'compareTable', 'ok', 60_000);
    const rows = await tableTexts(page, 'compareTable');
    const numeric = rows[1].map((c, i) => (c.num ? i : -1)).filter((i) => i >= 0);
    expect(numeric.length).toBeGreaterThanOrEqual(4); // accuracy, parameters, multiply-adds, seconds, digits/s
    for (const i of numeric) {
      const rights = rows.map((row) => Math.round(row[i].right));
      expect(Math.max(...rights) - Math.min(...rights), rows[0][i].text).toBeLessThanOrEqual(1);
    }
    expect(rows[1][0].num).toBe(false); // the net's name stays on the left
    await page.close();
  });
});

/** WCAG contrast ratio of two computed colours: rgb(0–255 …) or, from color-mix(), color(srgb 0–1 …). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const scale = c.startsWith('color(srgb') ? 1 : 255;
    const [r, g, bl] = c
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((v) => {
        const s = Number(v) / scale;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('the training chart', () => {
  it('draws test accuracy as rings on top of the training curve, and its gridlines behind the data in every theme', async () => {
    const { page } = await openPage(browser, '/notebooks/inception');
    await waitForState(page, 'chart', 'ok', 60_000);
    const panel = cell(page, 'chart').locator('svg[data-panel="accuracy"]');
    const marks = await panel.evaluate((svg) => {
      const all = [...svg.querySelectorAll('path, circle')];
      const rings = [...svg.querySelectorAll('circle.test-mark')];
      const lastCurve = Math.max(...all.map((e, i) => (e.matches('path.line.accuracy') ? i : -1)));
      const style = rings.length ? getComputedStyle(rings[0]) : null;
      return {
        rings: rings.length,
        onTop: rings.every((r) => all.indexOf(r) > lastCurve),
        hollow: style ? style.fill !== style.stroke : false,
        radius: rings.length ? (rings[0] as SVGCircleElement).r.baseVal.value : 0
      };
    });
    expect(marks.rings).toBe(3); // one per epoch of the recorded run
    expect(marks).toMatchObject({ onTop: true, hollow: true });
    expect(marks.radius).toBeGreaterThanOrEqual(3.5);

    for (const theme of ['light', 'dark', 'contrast', 'contrast-light']) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      const colours = await panel.evaluate((svg) => ({
        grid: getComputedStyle(svg.querySelector('.grid')!).stroke,
        data: getComputedStyle(svg.querySelector('path.line.accuracy')!).stroke,
        bg: getComputedStyle(document.documentElement).backgroundColor
      }));
      const [grid, data] = [contrast(colours.grid, colours.bg), contrast(colours.data, colours.bg)];
      expect(grid, `${theme}: gridlines ${grid.toFixed(2)}:1 against data ${data.toFixed(2)}:1`).toBeLessThan(
        data
      );
      expect(data, theme).toBeGreaterThanOrEqual(3);
    }
    await page.close();
  });
});

describe('on a phone (390×844)', () => {
  const pages = [
    '/notebooks/how-to-use',
    '/notebooks/one-by-one-convolution',
    '/notebooks/inception',
    '/notebooks/deeper-is-not-better',
    '/notebooks/residual-networks',
    '/zh/notebooks/inception',
    '/zh/notebooks/residual-networks'
  ];
  it.each(pages)('%s never scrolls sideways once its cells ran', async (path) => {
    const { page } = await openPage(browser, path, { width: 390, height: 844 });
    await settle(page);
    const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.close();
  });
});
