/**
 * The Chinese edition as a reader meets it: /zh pages in Chinese with <html lang="zh-CN">, every Chinese
 * notebook running as its English original does, the language switch landing on the same section, the
 * first visit to / following the browser's languages (and then the reader's choice), Chinese type rendered
 * with a CJK font, and edits shared between the two editions.
 */
import { readdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, cell, editCell, launch, openPage, output, outputText, waitForState } from './harness';

const slugs = readdirSync('notebooks/zh')
  .filter((f) => /^\d+-[a-z0-9-]+\.md$/.test(f))
  .map((f) => f.replace(/^\d+-/, '').replace(/\.md$/, ''));

const han = /\p{Script=Han}/u;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Waits until no cell is running or waiting to run, and returns the ids of cells in error. */
async function settledErrors(page: Page): Promise<string[]> {
  await page.waitForFunction(
    () =>
      document.querySelectorAll('[data-cell-id]').length > 0 &&
      !document.querySelector('[data-cell-state="running"], [data-cell-state="idle"]'),
    null,
    { timeout: 60_000 }
  );
  return page.$$eval('[data-cell-state="error"]', (cells) =>
    cells.map((c) => c.getAttribute('data-cell-id')!)
  );
}

describe('the Chinese pages', () => {
  it('/zh lists every notebook in Chinese, with <html lang="zh-CN"> and a link to the English index', async () => {
    const { page, problems } = await openPage(browser, '/zh');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.locator('h1').innerText()).toMatch(han);
    for (const slug of slugs) {
      const link = page.locator(`a[href$="/zh/notebooks/${slug}"]`);
      expect(await link.innerText()).toMatch(han);
    }
    expect(await page.getAttribute('a[hreflang="en"]', 'href')).toMatch(/^\/?$|\/$/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it.each(slugs)(
    '/zh/notebooks/%s runs every cell as the English notebook does, and its chrome is Chinese',
    async (slug) => {
      const english = await openPage(browser, `/notebooks/${slug}`);
      const englishErrors = await settledErrors(english.page);
      await english.page.close();

      const { page, problems } = await openPage(browser, `/zh/notebooks/${slug}`);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      expect(await settledErrors(page)).toEqual(englishErrors);
      expect(await page.locator('h1').innerText()).toMatch(han);
      // The toolbar, the contents and the cells' state lines are worded in Chinese.
      await expect(page.getByRole('button', { name: '分享链接' }).count()).resolves.toBe(1);
      expect(await page.locator('nav.toc .toc-title').innerText()).toBe('目录');
      const states = await page.$$eval('[data-cell-state="ok"] .state', (s) => s.map((e) => e.textContent));
      expect(states.every((s) => s && han.test(s))).toBe(true);
      expect(problems).toEqual([]);
      await page.close();
    }
  );

  it('an error a cell catches and shows itself (error.message) reads in Chinese', async () => {
    const { page } = await openPage(browser, '/zh/notebooks/residual-networks');
    await waitForState(page, 'mismatch', 'ok', 60_000);
    const shown = await output(page, 'mismatch').locator('code').innerText();
    expect(shown).toMatch(/残差连接/);
    expect(shown).toMatch(/16×12×12/);
    await page.close();
  });

  it('the glossary pairs each English term with its Chinese one', async () => {
    const { page } = await openPage(browser, '/zh/glossary');
    const rows = await page.$$eval('tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''))
    );
    expect(rows.length).toBeGreaterThan(20);
    // Chinese first, then English, then the notebook that first uses it.
    expect(rows.find((r) => r[1].startsWith('convolution'))?.[0]).toContain('卷积');
    expect(rows.find((r) => r[1].startsWith('residual block'))?.[0]).toContain('残差块');
    await page.close();
  });
});

describe('switching language', () => {
  it('goes to the same notebook and section in the other language, and back', async () => {
    const { page } = await openPage(browser, '/notebooks/how-to-use');
    await settledErrors(page);
    const heading = page.locator('main h2').nth(4); // "When something goes wrong"
    const id = await heading.getAttribute('id');
    // Reading that section: its heading just scrolled past the top of the window.
    await heading.evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, 40));
    await page.locator('a[hreflang="zh-CN"]').click();
    await page.waitForURL(`**/zh/notebooks/how-to-use#${id}`);
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh-CN');
    const same = page.locator(`h2[id="${id}"]`);
    expect(await same.innerText()).toMatch(han);
    await expect.poll(() => same.evaluate((h) => Math.abs(h.getBoundingClientRect().top))).toBeLessThan(200);

    await page.locator('a[hreflang="en"]').click();
    // (a glob like **/notebooks/… would match the Chinese address we are leaving)
    await page.waitForURL((url) => url.pathname === '/notebooks/how-to-use' && url.hash === `#${id}`);
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator(`h2[id="${id}"]`).innerText()).toBe('When something goes wrong');
    await page.close();
  });

  it('the first visit to / follows the browser’s languages; after that, the reader’s choice', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(baseUrl() + '/');
    await page.waitForURL('**/zh');
    expect(await page.locator('h1').innerText()).toMatch(han);

    // The reader picks English: from now on / stays English, though the browser prefers Chinese.
    await page.locator('a[hreflang="en"]').click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(baseUrl() + '/');
    await page.waitForTimeout(500);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('h1').innerText()).not.toMatch(han);
    await context.close();

    const english = await browser.newContext({ locale: 'en-US', serviceWorkers: 'block' });
    const other = await english.newPage();
    await other.goto(baseUrl() + '/');
    await other.waitForTimeout(500);
    expect(new URL(other.url()).pathname).toBe('/');
    await english.close();
  });
});

describe('Chinese type', () => {
  it('renders Chinese prose with a CJK system font, at a projector-friendly line height', async () => {
    const { page } = await openPage(browser, '/zh/notebooks/how-to-use', { width: 1920, height: 1080 });
    const paragraph = page.locator('main p').filter({ hasText: han }).first();
    await paragraph.waitFor();
    const style = await paragraph.evaluate((p) => {
      const s = getComputedStyle(p);
      return { family: s.fontFamily, size: parseFloat(s.fontSize), line: parseFloat(s.lineHeight) };
    });
    expect(style.family).toMatch(/Noto Sans CJK SC|PingFang SC|Microsoft YaHei/);
    expect(style.line / style.size).toBeGreaterThanOrEqual(1.7);
    // The font Chromium really drew the glyphs with (not a fallback box): asked of the renderer itself.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'main h2' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    expect(fonts.map((f) => f.familyName).join(', ')).toMatch(/CJK/);
    await page.close();
  });
});

describe('one reader, two editions', () => {
  it('an edit made in the English notebook is there in the Chinese one (same cell ids, same drafts)', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(baseUrl() + '/notebooks/how-to-use');
    await waitForState(page, 'sentence', 'ok');
    await editCell(page, 'channels', 'const channels = 40');
    await expect.poll(() => outputText(page, 'sentence')).toContain('360');

    await page.goto(baseUrl() + '/zh/notebooks/how-to-use');
    await waitForState(page, 'sentence', 'ok');
    const sentence = await outputText(page, 'sentence');
    expect(sentence).toMatch(han);
    expect(sentence).toContain('360');
    expect(await cell(page, 'channels').locator('.cm-content').innerText()).toContain('40');
    await context.close();
  });
});

describe('the Chinese edition’s model sentences', () => {
  it('02’s block sentence and 128-channel hint follow a 32-channel pool branch, in Chinese', async () => {
    const { page } = await openPage(browser, '/zh/notebooks/inception');
    await waitForState(page, 'concatText', 'ok', 30_000);
    expect(await outputText(page, 'concatText')).toContain('讲义代码里写死的那个 88，就是这么来的');
    await editCell(
      page,
      'branch4',
      `const pooled = AvgPool2d(3, { stride: 1, padding: 1, name: 'avg_pool' })(blockIn)\n` +
        `const branchPool = Conv2d(10, 32, 1, { name: 'branch_pool' })(pooled)`
    );
    await expect.poll(() => outputText(page, 'concatText')).toContain('16 + 24 + 24 + 32 = 96');
    const sentence = await outputText(page, 'concatText');
    expect(sentence).toContain('块后面那一层得接收 96 个通道');
    expect(sentence).not.toContain('写死的那个 88，就是这么来的');
    await expect.poll(() => outputText(page, 'ex128')).toContain('现在是 16 + 24 + 24 + 32 = 96，还差 32。');
    await page.close();
  });
});
