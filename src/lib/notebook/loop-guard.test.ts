import { describe, expect, it } from 'vitest';
import { LoopTimeoutError, makeLoopGuard } from './loop-guard.js';

/** A clock the test moves by hand; `later` callbacks run only when the test says the page is free. */
function fakeClock() {
  let time = 0;
  let pending: (() => void)[] = [];
  return {
    now: () => time,
    later: (callback: () => void) => void pending.push(callback),
    advance: (ms: number) => void (time += ms),
    free: () => {
      const run = pending;
      pending = [];
      run.forEach((f) => f());
    }
  };
}

describe('makeLoopGuard()', () => {
  it('makeLoopGuard() throws once the page has been busy past the limit', () => {
    const clock = fakeClock();
    const guard = makeLoopGuard(2000, clock);
    guard(3);
    clock.advance(1999);
    expect(() => guard(3)).not.toThrow();
    clock.advance(2);
    expect(() => guard(3)).toThrow(LoopTimeoutError);
  });

  it('makeLoopGuard() names the line and the limit in its message', () => {
    const clock = fakeClock();
    const guard = makeLoopGuard(2000, clock);
    guard(7);
    clock.advance(2500);
    expect(() => guard(7)).toThrow('The loop on line 7 kept the page busy for more than 2 s');
  });

  it('makeLoopGuard() lets a long loop run when the page gets free between iterations', () => {
    const clock = fakeClock();
    const guard = makeLoopGuard(2000, clock);
    for (let i = 0; i < 10; i++) {
      guard(1);
      clock.advance(1000);
      clock.free();
    }
    expect(() => guard(1)).not.toThrow();
  });

  it('makeLoopGuard() keeps throwing once it has stopped a loop, even after the page gets free', () => {
    const clock = fakeClock();
    const guard = makeLoopGuard(2000, clock);
    guard(2);
    clock.advance(2001);
    expect(() => guard(2)).toThrow(LoopTimeoutError);
    clock.free(); // an outer loop that caught the error and checks again
    expect(() => guard(1)).toThrow('The loop on line 2');
  });

  it('makeLoopGuard() tells onStop of each stop, once', () => {
    const clock = fakeClock();
    const stops: number[] = [];
    const guard = makeLoopGuard(2000, clock, (error) => stops.push(error.line));
    guard(4);
    clock.advance(3000);
    expect(() => guard(4)).toThrow();
    expect(() => guard(4)).toThrow();
    expect(stops).toEqual([4]);
  });
});
