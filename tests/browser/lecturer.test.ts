/**
 * The lecturer's tools while presenting, tried as a lecturer would: the overview (O), go to a slide by
 * number, a blank screen (B), the list of keys (?), Esc, the presenter window's keys and its preview of the
 * next slide, printing the slides, and presenting the original with a draft stored.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, editCell, launch, openPage, outputText, waitForState } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const visibleSlides = (page: Page) =>
  page.$$eval('[data-slide]', (els) =>
    els
      .filter((e) => (e as HTMLElement).offsetParent !== null)
      .map((e) => Number((e as HTMLElement).dataset.slide))
  );
const presenting = (page: Page) => new URL(page.url()).searchParams.has('present');

async function present(slide = 1, viewport = { width: 1280, height: 720 }) {
  const { page, problems } = await openPage(browser, `/notebooks/how-to-use?present#/${slide}`, viewport);
  await waitForState(page, 'sentence', 'ok');
  return { page, problems };
}

describe('the lecturer’s keys', () => {
  it('O opens an overview of every slide showing their outputs; arrows, Enter and a click jump; Esc and O close', async () => {
    const { page, problems } = await present(1);
    await page.keyboard.press('o');
    const overview = page.getByRole('dialog', { name: 'All slides' });
    await overview.waitFor();
    expect(await overview.locator('[data-overview-slide]').count()).toBe(8);
    // The thumbnails are the slides as shown, outputs included, not cells of their own.
    expect(await overview.locator('[data-preview-cell="sentence"]').innerText()).toContain('weights');
    expect(await overview.locator('[data-cell-id]').count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    expect(await overview.count()).toBe(0);
    expect(await visibleSlides(page)).toEqual([3]);
    await page.keyboard.press('O');
    await overview.locator('[data-overview-slide="5"]').click();
    expect(await visibleSlides(page)).toEqual([5]);
    expect(new URL(page.url()).hash).toBe('#/5');
    await page.keyboard.press('o');
    await page.keyboard.press('Escape'); // closes the overview, stays presenting
    expect(await overview.count()).toBe(0);
    expect(presenting(page)).toBe(true);
    await page.keyboard.press('o');
    await page.keyboard.press('o');
    expect(await overview.count()).toBe(0);
    expect(await visibleSlides(page)).toEqual([5]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('goes to a slide by its number: digits, then Enter; Esc forgets the number', async () => {
    const { page } = await present(1);
    await page.keyboard.press('6');
    expect(await page.getByRole('status').innerText()).toContain('Go to slide 6');
    expect(await visibleSlides(page)).toEqual([1]); // nothing moves before Enter
    await page.keyboard.press('Enter');
    expect(await visibleSlides(page)).toEqual([6]);
    await page.keyboard.press('1');
    await page.keyboard.press('2');
    await page.keyboard.press('Enter'); // past the end: the last slide
    expect(await visibleSlides(page)).toEqual([8]);
    await page.keyboard.press('2');
    await page.keyboard.press('Escape');
    expect(presenting(page)).toBe(true);
    expect(await page.locator('.typed').count()).toBe(0);
    await page.keyboard.press('Enter');
    expect(await visibleSlides(page)).toEqual([8]);
    await page.close();
  });

  it('B blanks the screen and any key brings the same slide back', async () => {
    const { page } = await present(2);
    await page.keyboard.press('b');
    const blank = page.locator('.blank');
    expect(await blank.isVisible()).toBe(true);
    const box = await blank.boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 1280, height: 720 });
    await page.keyboard.press('ArrowRight'); // brings the slide back, moves nowhere
    expect(await blank.count()).toBe(0);
    expect(await visibleSlides(page)).toEqual([2]);
    await page.close();
  });

  it('? lists every key, and any key closes the list', async () => {
    const { page } = await present(1);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keys while presenting' });
    const text = await help.innerText();
    for (const key of [
      'PageDown',
      'PageUp',
      'Home',
      'End',
      'Enter',
      'O',
      'B',
      'F',
      'P',
      'L',
      'Z',
      '?',
      'Esc'
    ])
      expect(text).toContain(key);
    expect(text).toContain('overview of all slides');
    expect(text).toContain('blank screen');
    await page.keyboard.press('x');
    expect(await help.count()).toBe(0);
    expect(await visibleSlides(page)).toEqual([1]);
    await page.close();
  });

  it('the first Esc leaves, from a slider or a button on the slide, and when full screen ends', async () => {
    const { page } = await present(3);
    await page.locator('[data-cell-id="sizeSlider"] input[type=range]').focus();
    await page.keyboard.press('ArrowRight'); // the slider has the arrows
    expect(await visibleSlides(page)).toEqual([3]);
    await page.keyboard.press('Escape');
    expect(presenting(page)).toBe(false);

    await page.getByRole('button', { name: 'Present' }).click();
    await page.getByRole('button', { name: 'Laser (L)' }).click(); // focus on a button of the bar
    await page.getByRole('button', { name: 'Laser (L)' }).click();
    await page.keyboard.press('Escape');
    expect(presenting(page)).toBe(false);

    // In full screen the browser takes Esc to end it and the page never sees the key.
    await page.getByRole('button', { name: 'Present' }).click();
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await page.evaluate(() => document.exitFullscreen());
    await expect.poll(() => presenting(page)).toBe(false);
    await page.close();
  });
});

describe('the presenter window', () => {
  async function twoWindows() {
    const context = await browser.newContext({
      serviceWorkers: 'block',
      viewport: { width: 1280, height: 720 }
    });
    const slides = await context.newPage();
    await slides.goto(`${baseUrl()}/notebooks/how-to-use?present#/1`);
    await waitForState(slides, 'sentence', 'ok');
    const presenter = await context.newPage();
    await presenter.goto(`${baseUrl()}/notebooks/how-to-use?presenter#/1`);
    await expect.poll(() => presenter.locator('.slide-number').innerText()).toBe('Slide 1 of 8');
    return { context, slides, presenter };
  }

  it('moves the slides with the arrows, PageUp/PageDown and Space (a clicker’s keys)', async () => {
    const { context, slides, presenter } = await twoWindows();
    for (const [key, to] of [
      ['ArrowRight', 2],
      ['PageDown', 3],
      [' ', 4],
      ['PageUp', 3],
      ['ArrowLeft', 2]
    ] as const) {
      await presenter.keyboard.press(key);
      await expect.poll(() => visibleSlides(slides)).toEqual([to]);
      await expect.poll(() => presenter.locator('.slide-number').innerText()).toBe(`Slide ${to} of 8`);
    }
    await context.close();
  });

  it('keys pressed faster than the windows talk each count: 3 × PageDown then PageUp lands on slide 3', async () => {
    const { context, slides, presenter } = await twoWindows();
    // No waiting between keys: the slides window applies each move to the slide the one before led to.
    for (const key of ['PageDown', 'PageDown', 'PageDown', 'PageUp']) await presenter.keyboard.press(key);
    await expect.poll(() => visibleSlides(slides)).toEqual([3]);
    await expect.poll(() => presenter.locator('.slide-number').innerText()).toBe('Slide 3 of 8');
    await presenter.getByRole('button', { name: 'Next' }).click();
    await presenter.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => visibleSlides(slides)).toEqual([5]);
    await context.close();
  });

  it('previews the next slide with the outputs the slides window shows, and follows them as they change', async () => {
    const { context, slides, presenter } = await twoWindows();
    const preview = presenter.locator('.preview-slide');
    // Slide 2 is next: its cells' real output, not a placeholder.
    await expect
      .poll(() => preview.locator('[data-preview-cell="sentence"]').innerText())
      .toContain(await outputText(slides, 'sentence'));
    expect(await presenter.locator('.preview-slide').innerText()).not.toContain('[cell');
    expect(await presenter.locator('[data-cell-id]').count()).toBe(0); // still runs no cells

    // Slide 3 next: its grid is an SVG drawn by a cell; moving the slider there changes it.
    await presenter.keyboard.press('ArrowRight');
    await expect
      .poll(() => preview.locator('[data-preview-cell="gridText"]').innerText())
      .toContain('144 pixels');
    expect(await preview.locator('[data-preview-cell="grid"] svg rect').count()).toBe(144);
    await slides.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('[data-cell-id="sizeSlider"] input')!;
      input.value = '20';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect
      .poll(() => preview.locator('[data-preview-cell="gridText"]').innerText())
      .toContain('400 pixels');

    // A canvas arrives as an image of its pixels; what could run script does not arrive at all.
    await slides.evaluate(() => {
      const out = document.querySelector('[data-cell-id="gridText"] [data-cell-output]')!;
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 20;
      canvas.getContext('2d')!.fillRect(0, 0, 20, 20);
      out.append(canvas);
      out.insertAdjacentHTML(
        'beforeend',
        '<img src="x:" onerror="window.ran = 1"><script>window.ran = 2</script>'
      );
    });
    const image = preview.locator('[data-preview-cell="gridText"] img[src^="data:image/png"]');
    await image.waitFor();
    expect(await image.evaluate((e) => (e as HTMLImageElement).naturalWidth)).toBe(20);
    expect(await preview.locator('[onerror], script').count()).toBe(0);
    expect(await presenter.evaluate(() => (window as { ran?: number }).ran)).toBeUndefined();
    await context.close();
  });
});

describe('printing and the original', () => {
  it('Print slides prints one page per slide, with the outputs the cells show', async () => {
    const { page } = await present(2);
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole('button', { name: 'Print slides' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    await page.emulateMedia({ media: 'print' });
    const boxes = await page.$$eval('[data-slide]', (els) =>
      els.map((e) => ({
        shown: (e as HTMLElement).offsetParent !== null,
        after: getComputedStyle(e).breakAfter
      }))
    );
    expect(boxes.filter((b) => b.shown)).toHaveLength(8);
    expect(boxes.slice(0, -1).every((b) => b.after === 'page')).toBe(true);
    expect(await outputText(page, 'sentence')).toContain('weights'); // what the cells showed
    // The PDF the print dialog would save: as many pages as slides.
    const pdf = (await page.pdf({ format: 'A4', landscape: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(8);
    await page.close();
  });

  it('?present&original runs the shipped code while a draft stays stored, untouched', async () => {
    const { page } = await openPage(browser, '/notebooks/how-to-use');
    await waitForState(page, 'sentence', 'ok');
    await editCell(page, 'channels', 'const channels = 64');
    await expect.poll(() => outputText(page, 'sentence')).toContain('576');
    const stored = () => page.evaluate(() => localStorage.getItem('nb:v1:how-to-use'));
    const draft = await stored();
    expect(draft).toContain('64');

    await page.getByRole('link', { name: 'Present the original' }).click();
    await page.waitForURL(/present&original/);
    await waitForState(page, 'sentence', 'ok');
    expect(await visibleSlides(page)).toEqual([1]);
    await page.keyboard.press('ArrowRight');
    expect(new URL(page.url()).search).toBe('?present&original');
    expect(await page.locator('[data-cell-id="channels"] .code').innerText()).toContain(
      'const channels = 16'
    );
    expect(await outputText(page, 'sentence')).not.toContain('576');
    expect(await page.locator('.topbar').innerText()).toContain('Original code');
    await page.keyboard.press('Escape');
    expect(await stored()).toBe(draft);

    expect(new URL(page.url()).search).toBe('?original'); // a reload still shows the original
    await page.getByRole('link', { name: 'Back to my version' }).click(); // a normal visit: the draft is back
    await page.waitForURL((url) => url.search === '');
    await expect.poll(() => outputText(page, 'sentence')).toContain('576');
    await page.close();
  });
});
