/**
 * MNIST-style preprocessing of a drawn digit, as LeCun et al. describe the dataset: the ink's bounding box is
 * scaled (keeping its aspect ratio, with anti-aliasing by area averaging) to fit a 20×20 box, then placed in a
 * 28×28 image so that its centre of mass sits at the centre. Pure: an alpha array in, 784 values out.
 */
import { MNIST_MEAN, MNIST_STD } from '../../src/lib/data/mnist';

/** The side of an MNIST image. */
export const SIDE = 28;
/** The side of the box the digit's ink is scaled into. */
const BOX = 20;

/** Normalises one 0..255 pixel as the training data is: (x/255 − mean)/std. */
export const normalisePixel = (value: number) => (value / 255 - MNIST_MEAN) / MNIST_STD;

/** An empty pad: 784 background pixels, normalised (−0.4242). */
export function blankDigit(): Float32Array {
  return new Float32Array(SIDE * SIDE).fill(normalisePixel(0));
}

/**
 * 28×28 ink (0..255, row-major) from a drawing's alpha channel of any size; all zeros when nothing is drawn.
 * `threshold` ignores faint anti-aliasing specks when finding the bounding box.
 */
export function centreLikeMnist(
  alpha: ArrayLike<number>,
  width: number,
  height: number,
  threshold = 16
): Float32Array {
  let x0 = width,
    y0 = height,
    x1 = -1,
    y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (alpha[y * width + x] > threshold) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  const out = new Float32Array(SIDE * SIDE);
  if (x1 < 0) return out;
  const bw = x1 - x0 + 1,
    bh = y1 - y0 + 1;
  const scale = BOX / Math.max(bw, bh);
  const sw = Math.max(1, Math.ceil(bw * scale)),
    sh = Math.max(1, Math.ceil(bh * scale));
  // Area averaging: each source pixel adds its ink to the target pixel it falls in; a target pixel covers
  // 1/scale² source pixels, so dividing by that gives the mean ink (clamped: rounding can overfill a bin).
  const scaled = new Float32Array(sw * sh);
  for (let y = y0; y <= y1; y++) {
    const ty = Math.min(sh - 1, Math.floor((y - y0) * scale));
    for (let x = x0; x <= x1; x++) {
      const tx = Math.min(sw - 1, Math.floor((x - x0) * scale));
      scaled[ty * sw + tx] += alpha[y * width + x];
    }
  }
  const area = 1 / (scale * scale);
  let mass = 0,
    mx = 0,
    my = 0;
  for (let i = 0; i < scaled.length; i++) {
    const v = Math.min(255, scaled[i] / Math.max(1, area));
    scaled[i] = v;
    mass += v;
    mx += (i % sw) * v;
    my += Math.floor(i / sw) * v;
  }
  // Translate so the centre of mass lands on the image centre (pixel 14, 14 as MNIST's tools did).
  const dx = Math.round(SIDE / 2 - mx / mass),
    dy = Math.round(SIDE / 2 - my / mass);
  for (let y = 0; y < sh; y++) {
    for (let x = 0; x < sw; x++) {
      const tx = x + dx,
        ty = y + dy;
      if (tx >= 0 && tx < SIDE && ty >= 0 && ty < SIDE) out[ty * SIDE + tx] = scaled[y * sw + x];
    }
  }
  return out;
}

/** 28×28 ink (0..255) → the normalised network input. */
export function toMnistInput(ink: Float32Array): Float32Array {
  return ink.map(normalisePixel);
}
