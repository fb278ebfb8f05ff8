/**
 * A reader's mistakes on a Chinese page are explained in Chinese (issue 15): the compiler's syntax errors
 * (acorn's, mapped to the catalogue) with their line, and a builder's channel mismatch with the layer
 * names and shapes. The same edits on the English page stay English.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell, editCell, launch, openPage, output, waitForState } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const errorText = (page: Page, id: string) => output(page, id).locator('.nb-error').innerText();

async function errorFor(path: string, source: string) {
  const opened = await openPage(browser, path);
  const { page } = opened;
  await waitForState(page, 'playground', 'ok');
  await editCell(page, 'playground', source);
  await waitForState(page, 'playground', 'error');
  return { ...opened, text: (await errorText(page, 'playground')).trim() };
}

const syntaxError = 'const a = 1\nconst b = (a *';
// Two Inception-like branches of 16 and 24 channels, joined, into a conv that expects 32.
const catMismatch = `(() => {
  const x = input([1, 28, 28])
  const a = Conv2d(1, 16, 1, { name: 'branch1' })(x)
  const b = Conv2d(1, 24, 3, { padding: 1, name: 'branch2' })(x)
  return buildModel(x, Conv2d(32, 8, 1, { name: 'conv2' })(cat([a, b], { name: 'merge' })))
})()`;
// A residual join of 16 and 32 channels.
const addMismatch = `(() => {
  const x = input([16, 12, 12])
  return buildModel(x, add(x, Conv2d(16, 32, 3, { padding: 1, name: 'conv' })(x), { name: 'join' }))
})()`;

describe('a hint on the Chinese page', () => {
  it('a cell that ends in “;” is told why it shows nothing, in Chinese', async () => {
    const { page } = await openPage(browser, '/zh/notebooks/how-to-use');
    await waitForState(page, 'playground', 'ok');
    await editCell(page, 'playground', 'channels * 2;');
    await waitForState(page, 'playground', 'ok');
    await expect
      .poll(() => output(page, 'playground').innerText())
      .toContain('这个单元格什么也没显示，因为它以“;”结尾。');
    await page.close();
  });
});

describe.each([
  {
    edition: 'the Chinese page',
    path: '/zh/notebooks/how-to-use',
    syntax: /^语法错误：这里不该出现这个符号（第 2 行第 15 列）$/,
    cat: '形状错误：conv2 需要 32 个输入通道，但收到的是 40 个（16+24），来自 merge（第 5 行）',
    add:
      '形状错误：join 无法把 16×12×12（来自输入（16×12×12））与 32×12×12（来自 conv）相加：' +
      '残差连接要求两者的形状完全相同（第 3 行）'
  },
  {
    edition: 'the English page',
    path: '/notebooks/how-to-use',
    syntax: /^SyntaxError: Unexpected token \(line 2, column 15\)$/,
    cat: 'ShapeError: conv2 expects 32 input channels but receives 40 = 16+24 from merge (line 5)',
    add:
      'ShapeError: join cannot add 16×12×12 (from the input (16×12×12)) and 32×12×12 (from conv): ' +
      'a residual connection needs both shapes to match (line 3)'
  }
])('a reader’s mistakes on $edition', ({ path, syntax, cat, add }) => {
  it('a syntax error is told in the page’s language, at its line, marked in the editor', async () => {
    const { page, text, problems } = await errorFor(path, syntaxError);
    expect(text).toMatch(syntax);
    await expect.poll(() => cell(page, 'playground').locator('.cm-lintRange-error').count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a channel mismatch after a cat of two branches names the layers, the sum and the line', async () => {
    const { page, text } = await errorFor(path, catMismatch);
    expect(text).toBe(cat);
    await page.close();
  });

  it('an add of 16 and 32 channels explains the residual connection, at its line', async () => {
    const { page, text } = await errorFor(path, addMismatch);
    expect(text).toBe(add);
    await page.close();
  });
});
