/**
 * tfjs and PyTorch lay weights out differently; these map one to the other (and back), as plain index maps:
 * - conv kernels: tfjs kh×kw×in×out, PyTorch out×in×kh×kw;
 * - dense kernels: tfjs in×out, PyTorch out×in;
 * - a dense layer after a flatten: tfjs flattens an H×W×C tensor (channels fastest), PyTorch's view a C×H×W one
 *   (columns fastest), so the input features are also re-ordered, from h·W·C + w·C + c to c·H·W + h·W + w.
 */

/** tfjs conv kernel [kh, kw, in, out] → PyTorch weight [out, in, kh, kw]. */
export function convToTorch(kernel: Float32Array, [kh, kw, cin, cout]: number[]): Float32Array {
  const out = new Float32Array(kernel.length);
  for (let y = 0; y < kh; y++)
    for (let x = 0; x < kw; x++)
      for (let i = 0; i < cin; i++)
        for (let o = 0; o < cout; o++)
          out[((o * cin + i) * kh + y) * kw + x] = kernel[((y * kw + x) * cin + i) * cout + o];
  return out;
}

/** PyTorch conv weight [out, in, kh, kw] → tfjs kernel [kh, kw, in, out]. */
export function convFromTorch(weight: Float32Array, [cout, cin, kh, kw]: number[]): Float32Array {
  const out = new Float32Array(weight.length);
  for (let y = 0; y < kh; y++)
    for (let x = 0; x < kw; x++)
      for (let i = 0; i < cin; i++)
        for (let o = 0; o < cout; o++)
          out[((y * kw + x) * cin + i) * cout + o] = weight[((o * cin + i) * kh + y) * kw + x];
  return out;
}

/** The tfjs input feature that PyTorch's feature `f` is, for a flatten of C×H×W (identity without one). */
function tfFeature(f: number, chw?: [number, number, number]): number {
  if (!chw) return f;
  const [c, h, w] = chw;
  const ci = Math.floor(f / (h * w));
  const hi = Math.floor((f % (h * w)) / w);
  const wi = f % w;
  return (hi * w + wi) * c + ci;
}

/** tfjs dense kernel [in, out] → PyTorch weight [out, in]; `flattenFrom` = the C, H, W a tfjs flatten made it from. */
export function denseToTorch(
  kernel: Float32Array,
  [fin, fout]: number[],
  flattenFrom?: [number, number, number]
): Float32Array {
  const out = new Float32Array(kernel.length);
  for (let o = 0; o < fout; o++)
    for (let f = 0; f < fin; f++) out[o * fin + f] = kernel[tfFeature(f, flattenFrom) * fout + o];
  return out;
}

/** PyTorch Linear weight [out, in] → tfjs kernel [in, out] (the inverse of denseToTorch). */
export function denseFromTorch(
  weight: Float32Array,
  [fout, fin]: number[],
  flattenFrom?: [number, number, number]
): Float32Array {
  const out = new Float32Array(weight.length);
  for (let o = 0; o < fout; o++)
    for (let f = 0; f < fin; f++) out[tfFeature(f, flattenFrom) * fout + o] = weight[o * fin + f];
  return out;
}
