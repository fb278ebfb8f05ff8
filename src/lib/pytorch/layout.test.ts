import { describe, expect, it } from 'vitest';
import { convFromTorch, convToTorch, denseFromTorch, denseToTorch } from './layout';

const seq = (n: number) => Float32Array.from({ length: n }, (_, i) => i);

describe('layout conversion, checked by hand', () => {
  it('convToTorch() turns a kh×kw×in×out kernel into out×in×kh×kw', () => {
    // kh = 1, kw = 2, in = 2, out = 3: tfjs index ((y·kw + x)·in + i)·out + o holds the value 100·o + 10·i + x.
    const tfjs = new Float32Array(12);
    for (let x = 0; x < 2; x++)
      for (let i = 0; i < 2; i++)
        for (let o = 0; o < 3; o++) tfjs[(x * 2 + i) * 3 + o] = 100 * o + 10 * i + x;
    expect(Array.from(convToTorch(tfjs, [1, 2, 2, 3]))).toEqual([
      0, 1, 10, 11, 100, 101, 110, 111, 200, 201, 210, 211
    ]);
    expect(Array.from(convFromTorch(convToTorch(tfjs, [1, 2, 2, 3]), [3, 2, 1, 2]))).toEqual(
      Array.from(tfjs)
    );
  });

  it('denseToTorch() transposes in×out into out×in', () => {
    // in = 3, out = 2: tfjs [[0, 1], [2, 3], [4, 5]] → PyTorch [[0, 2, 4], [1, 3, 5]]
    expect(Array.from(denseToTorch(seq(6), [3, 2]))).toEqual([0, 2, 4, 1, 3, 5]);
  });

  it('denseToTorch() re-orders features flattened from H×W×C into C×H×W order', () => {
    // C = 2, H = 1, W = 2: tfjs features are (w0 c0, w0 c1, w1 c0, w1 c1), PyTorch's (c0 w0, c0 w1, c1 w0, c1 w1).
    // One output; the tfjs kernel's rows are the features 0, 1, 2, 3 in tfjs order.
    expect(Array.from(denseToTorch(seq(4), [4, 1], [2, 1, 2]))).toEqual([0, 2, 1, 3]);
    // C = 2, H = 2, W = 1 and two outputs: row f of the tfjs kernel is [10f, 10f + 1].
    const kernel = Float32Array.from([0, 1, 10, 11, 20, 21, 30, 31]);
    expect(Array.from(denseToTorch(kernel, [4, 2], [2, 2, 1]))).toEqual([0, 20, 10, 30, 1, 21, 11, 31]);
    expect(Array.from(denseFromTorch(denseToTorch(kernel, [4, 2], [2, 2, 1]), [2, 4], [2, 2, 1]))).toEqual(
      Array.from(kernel)
    );
  });
});
