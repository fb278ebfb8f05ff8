import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isSlideCheck, isSlideCheckMessage, overflowing, percent, settled } from './slide-check';

describe('slide check', () => {
  it.each([
    ['?present&slidecheck', true],
    ['?slidecheck=1', true],
    ['?present', false],
    ['', false]
  ])('isSlideCheck(%j) is %s', (search, expected) => {
    expect(isSlideCheck(search)).toBe(expected);
  });

  it.each([
    [{ type: 'slidecheck', fits: [] }, true],
    [{ type: 'slidecheck', error: 'cells were still running' }, true],
    [{ type: 'slidecheck' }, false],
    [{ type: 'slide', slide: 3 }, false],
    ['slidecheck', false],
    [null, false]
  ])('isSlideCheckMessage(%j) is %s', (data, expected) => {
    expect(isSlideCheckMessage(data)).toBe(expected);
  });

  it('overflowing() keeps the slides shrunk at all, in order', () => {
    const fits = [
      { slide: 1, scale: 1, title: 'Title' },
      { slide: 2, scale: 0.724, title: 'Tall' },
      { slide: 3, scale: 0.999, title: '' }
    ];
    expect(overflowing(fits).map((fit) => fit.slide)).toEqual([2, 3]);
  });

  it.each([
    [0.724, '72'],
    [0.605, '61'],
    [1, '100'],
    [0.997, '99.7'],
    [0.9999, '99.9']
  ])('percent(%s) is %j', (scale, expected) => {
    expect(percent(scale)).toBe(expected);
  });
});

describe('settled()', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resolves true once no cell has been running for the quiet period', async () => {
    let states = ['ok', 'running'];
    const result = settled(() => states, { quiet: 500, timeout: 5000 });
    await vi.advanceTimersByTimeAsync(1000);
    states = ['ok', 'ok'];
    let done: boolean | undefined;
    void result.then((value) => (done = value));
    await vi.advanceTimersByTimeAsync(400);
    expect(done).toBeUndefined(); // quiet, but not for long enough yet
    await vi.advanceTimersByTimeAsync(200);
    expect(done).toBe(true);
  });

  it('resolves false when a cell is still running at the timeout', async () => {
    const result = settled(() => ['running'], { quiet: 500, timeout: 2000 });
    await vi.advanceTimersByTimeAsync(2100);
    expect(await result).toBe(false);
  });
});
