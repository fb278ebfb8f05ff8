import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editCell, launch, openPage, output, waitForState } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const codeText = (page: Page) => output(page, 'torch').locator('pre.code').textContent();

/** The state_dict keys a generated module has: attribute paths of its Conv2d/Linear modules, read from the .py. */
function stateDictKeys(python: string): string[] {
  const classes = new Map<string, string[]>();
  for (const m of python.matchAll(/^class (\w+)\(nn\.Module\):\n([\s\S]*?)(?=^\S|(?![\s\S]))/gm)) {
    classes.set(
      m[1],
      [...m[2].matchAll(/self\.(\w+) = ((?:nn\.)?\w+)\(([^)]*)\)/g)].map((a) => `${a[1]} ${a[2]} ${a[3]}`)
    );
  }
  const keysOf = (cls: string, prefix: string): string[] =>
    (classes.get(cls) ?? []).flatMap((line) => {
      const [attr, type, ...rest] = line.split(' ');
      const args = rest.join(' ');
      if (type === 'nn.Conv2d' || type === 'nn.Linear') {
        return [`${prefix}${attr}.weight`, ...(args.includes('bias=False') ? [] : [`${prefix}${attr}.bias`])];
      }
      return classes.has(type) ? keysOf(type, `${prefix}${attr}.`) : [];
    });
  const net = python.match(/def build\(\):[\s\S]*?return (\w+)\(\)/)?.[1] ?? '';
  return keysOf(net, '');
}

describe('pytorchView() on the lecture’s Inception net', () => {
  it('shows the lecture’s classes, and follows a branch widened to 32 channels', async () => {
    const { page, problems } = await openPage(browser, '/notebooks/pytorch-check');
    await waitForState(page, 'torch', 'ok', 30_000);
    expect(await codeText(page)).toContain('class InceptionA(nn.Module):');
    expect(await codeText(page)).toContain('self.fc = nn.Linear(1408, 10)');
    await editCell(page, 'widths', 'const widths = { branch5x5_2: 32 }');
    await expect
      .poll(() => codeText(page), { timeout: 15_000 })
      .toContain('nn.Conv2d(16, 32, kernel_size=5, padding=2)');
    const code = (await codeText(page)) ?? '';
    expect(code).toContain('class EditedInceptionA(nn.Module):');
    expect(code).toContain('self.conv2 = nn.Conv2d(96, 20, kernel_size=5)');
    expect(code).toContain('self.fc = nn.Linear(1536, 10)');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('downloads a .py and a .safetensors whose tensor names are the .py’s state_dict keys', async () => {
    const { page } = await openPage(browser, '/notebooks/pytorch-check');
    await waitForState(page, 'torch', 'ok', 30_000);
    const view = output(page, 'torch');
    const [py] = await Promise.all([page.waitForEvent('download'), view.locator('a.download-py').click()]);
    const [weights] = await Promise.all([
      page.waitForEvent('download'),
      view.locator('button.download-weights').click()
    ]);
    expect(py.suggestedFilename()).toBe('inceptionNet.py');
    expect(weights.suggestedFilename()).toBe('inceptionNet.safetensors');
    const python = await readFile((await py.path()) as string, 'utf8');
    const bytes = await readFile((await weights.path()) as string);
    const n = Number(bytes.readBigUInt64LE(0));
    const header = JSON.parse(bytes.subarray(8, 8 + n).toString('utf8')) as Record<
      string,
      { shape: number[] }
    >;
    const names = Object.keys(header).filter((k) => k !== '__metadata__');
    expect(names.sort()).toEqual(stateDictKeys(python).sort());
    expect(names).toContain('incep2.branch5x5_2.weight');
    expect(header['fc.weight'].shape).toEqual([10, 1408]);
    await page.close();
  });
});

describe('the lecture’s code beside the builder cells (lesson 02)', () => {
  it('is one click away, and pointing at branch5x5_2 shows it in both the Python and the cell', async () => {
    const { page, problems } = await openPage(browser, '/notebooks/inception');
    await waitForState(page, 'blockTorch', 'ok', 30_000);
    const panel = output(page, 'blockTorch');
    expect(await panel.locator('pre.py').count()).toBe(0);
    await panel.locator('button.toggle').click();
    await expect
      .poll(() => panel.locator('pre.py').textContent())
      .toContain('self.branch5x5_2 = nn.Conv2d(16, 24, kernel_size=5, padding=2)');
    await panel.locator('.nm[data-name="branch5x5_2"]').first().hover();
    const marked = () =>
      page.evaluate(() => {
        const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('lecture-match');
        return [...(h ?? [])].map((r) => ({
          text: r.toString(),
          inCell: r.startContainer.parentElement?.closest('[data-cell-id]')?.getAttribute('data-cell-id')
        }));
      });
    await expect.poll(marked).toContainEqual({ text: 'branch5x5_2', inCell: 'branch2' });
    expect((await marked()).filter((m) => m.inCell === 'blockTorch')).toHaveLength(2);
    expect(await panel.locator('.line.hit').count()).toBe(2);

    // And the other way: pointing at the name in the builder cell's code marks the lecture's lines.
    await page.mouse.move(0, 0);
    const code = page.locator('[data-cell-id="branch2"] .code');
    const box = await code.evaluate((el) => {
      el.scrollIntoView({ block: 'center' });
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n.textContent ?? '').indexOf('branch5x5_2');
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i + 3);
        r.setEnd(n, i + 4);
        const b = r.getBoundingClientRect();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }
      return null;
    });
    expect(box).not.toBeNull();
    await page.mouse.move(box!.x, box!.y);
    await expect.poll(() => panel.locator('.line.hit').count()).toBe(2);
    expect(problems).toEqual([]);
    await page.close();
  });
});
