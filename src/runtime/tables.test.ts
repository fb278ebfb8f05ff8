import { describe, expect, it } from 'vitest';
import { isFigure } from './tables';

describe('isFigure()', () => {
  it.each([
    ['120,422,400', true],
    ['97.3 %', true],
    ['4.12×', true],
    ['1.89 ms', true],
    ['12 / 34', true],
    ['-0.5', true],
    ['1.2e-3', true],
    ['depth 8', false],
    ['conv1', false],
    ['branch5x5_1', false],
    ['recorded', false],
    ['', false],
    ['…', false]
  ])('reads %j as a figure: %s', (text, expected) => {
    expect(isFigure(text)).toBe(expected);
  });
});
