/**
 * AssemblyScript (compiled to wasm with SIMD by scripts/build-wasm.ts): the input gradient of a stride-1 'valid'
 * convolution, computed directly so that no zero padding is ever multiplied.
 *
 *   dx[b, i, j, ci] = Σ_kh Σ_kw Σ_co  dy[b, i − kh, j − kw, co] · W[kh, kw, ci, co]   (only taps with dy in range)
 *
 * Running it as a forward convolution of dy padded by K − 1 (what tfjs does) multiplies (H/OH)·(W/OW) times the
 * useful work: 2.25× for the Inception net's 12×12 → 8×8, 5×5 layer. Here each output row takes only the kernel
 * rows that reach it; along a row, pixels go in tiles of 4 that share every filter load, and a tile at the edge takes
 * the union of its pixels' taps, reading a row of zeros for the few taps a pixel lacks.
 *
 * All buffers live in this module's own memory, laid out by the caller (src/lib/train/kernels/directConv.ts):
 *   dy [B, OH, OW, Co]; wt [KH, KW, Co, Cip], the filter with in/out channels swapped and in-channels padded with
 *   zeros to Cip (a multiple of 8, two f32x4 vectors); zero: Co zeros; dx [B, H, Wp, Cip] with Wp = W rounded up to 4.
 */

/** wt[kh, kw, co, ci] = w[kh, kw, ci, co]; in-channels Ci..Cip − 1 are zero. */
export function swapFilter(w: usize, wt: usize, taps: i32, ci: i32, co: i32, cip: i32): void {
  for (let t = 0; t < taps; t++) {
    for (let o = 0; o < co; o++) {
      const to = wt + (((t * co + o) * cip) << 2);
      for (let i = 0; i < cip; i++) {
        const value: f32 = i < ci ? load<f32>(w + (((t * ci + i) * co + o) << 2)) : 0;
        store<f32>(to + (i << 2), value);
      }
    }
  }
}

/** The dy pixel (row base `row`, column `col`) or the zero row when `col` is outside [0, ow); binaryen inlines it. */
function pixel(row: usize, col: i32, ow: i32, co: i32, zero: usize): usize {
  return col >= 0 && col < ow ? row + ((col * co) << 2) : zero;
}

export function inputGradValid(
  dy: usize,
  wt: usize,
  zero: usize,
  dx: usize,
  batch: i32,
  h: i32,
  w: i32,
  oh: i32,
  ow: i32,
  kh: i32,
  kw: i32,
  co: i32,
  cip: i32
): void {
  const wp = (w + 3) & ~3;
  const wStride = cip << 2; // bytes from one out-channel's filter row to the next
  for (let b = 0; b < batch; b++) {
    for (let i = 0; i < h; i++) {
      // Kernel rows r with 0 ≤ i − r < oh.
      const rLo = max(0, i - oh + 1);
      const rHi = min(kh - 1, i);
      for (let j0 = 0; j0 < wp; j0 += 4) {
        // Kernel columns c that reach at least one pixel of the tile j0..j0 + 3: 0 ≤ j − c < ow for some j.
        const cLo = max(0, j0 - ow + 1);
        const cHi = min(kw - 1, j0 + 3);
        const out = dx + ((((b * h + i) * wp + j0) * cip) << 2);
        for (let cb = 0; cb < cip; cb += 8) {
          let a0 = f32x4.splat(0);
          let a1 = f32x4.splat(0);
          let b0 = f32x4.splat(0);
          let b1 = f32x4.splat(0);
          let c0 = f32x4.splat(0);
          let c1 = f32x4.splat(0);
          let d0 = f32x4.splat(0);
          let d1 = f32x4.splat(0);
          for (let r = rLo; r <= rHi; r++) {
            const row = dy + (((b * oh + i - r) * ow * co) << 2);
            for (let c = cLo; c <= cHi; c++) {
              let p0 = pixel(row, j0 - c, ow, co, zero);
              let p1 = pixel(row, j0 + 1 - c, ow, co, zero);
              let p2 = pixel(row, j0 + 2 - c, ow, co, zero);
              let p3 = pixel(row, j0 + 3 - c, ow, co, zero);
              let f = wt + (((r * kw + c) * co * cip + cb) << 2);
              for (let o = 0; o < co; o++) {
                const f0 = v128.load(f);
                const f1 = v128.load(f, 16);
                const x0 = v128.load32_splat(p0);
                const x1 = v128.load32_splat(p1);
                const x2 = v128.load32_splat(p2);
                const x3 = v128.load32_splat(p3);
                a0 = f32x4.add(a0, f32x4.mul(x0, f0));
                a1 = f32x4.add(a1, f32x4.mul(x0, f1));
                b0 = f32x4.add(b0, f32x4.mul(x1, f0));
                b1 = f32x4.add(b1, f32x4.mul(x1, f1));
                c0 = f32x4.add(c0, f32x4.mul(x2, f0));
                c1 = f32x4.add(c1, f32x4.mul(x2, f1));
                d0 = f32x4.add(d0, f32x4.mul(x3, f0));
                d1 = f32x4.add(d1, f32x4.mul(x3, f1));
                f += wStride;
                p0 += 4;
                p1 += 4;
                p2 += 4;
                p3 += 4;
              }
            }
          }
          const o = out + (cb << 2);
          const px = cip << 2;
          v128.store(o, a0);
          v128.store(o, a1, 16);
          v128.store(o + px, b0);
          v128.store(o + px, b1, 16);
          v128.store(o + 2 * px, c0);
          v128.store(o + 2 * px, c1, 16);
          v128.store(o + 3 * px, d0);
          v128.store(o + 3 * px, d1, 16);
        }
      }
    }
  }
}

/** Packs dx [B·H, Wp, Cip] into [B·H, W, Ci] in place (each value moves to a lower or equal address). */
export function compact(dx: usize, rows: i32, w: i32, ci: i32, cip: i32): void {
  const wp = (w + 3) & ~3;
  let to = dx;
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < w; j++) {
      memory.copy(to, dx + (((r * wp + j) * cip) << 2), ci << 2);
      to += ci << 2;
    }
  }
}
