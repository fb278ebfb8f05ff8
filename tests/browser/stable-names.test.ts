import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editCell, launch, openPage, output, waitForState } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const branch2 = (channels: number) =>
  `let b5 = Conv2d(10, 16, 1, { name: 'branch5x5_1' })(blockIn)\n` +
  `const branch5x5 = Conv2d(16, ${channels}, 5, { padding: 2, name: 'branch5x5_2' })(b5)`;

describe('layer names the reader gave stay theirs (lesson 02)', () => {
  it('re-running a branch cell three times keeps branch5x5_1, branch5x5_2, concat and avg_pool', async () => {
    const { page, problems } = await openPage(browser, '/notebooks/inception');
    await waitForState(page, 'blockTable', 'ok', 30_000);
    for (const channels of [32, 24, 28]) {
      await editCell(page, 'branch2', branch2(channels));
      await expect
        .poll(() => output(page, 'blockTable').innerText(), { timeout: 15_000 })
        .toContain(`${channels}×12×12`);
    }
    const table = await output(page, 'blockTable').innerText();
    for (const name of ['branch5x5_1', 'branch5x5_2', 'concat', 'avg_pool']) expect(table).toContain(name);
    expect(table).not.toMatch(/branch5x5_[12]_\d|concat_\d|avg_pool_\d/);
    const flow = (await output(page, 'branch2Flow').locator('svg').first().textContent()) ?? '';
    expect(flow).toContain('branch5x5_2');
    expect(flow).not.toContain('branch5x5_2_');
    expect(problems).toEqual([]);
    await page.close();
  });
});
