/**
 * A fixed, seeded, stratified train/test split: the same seed always puts the same digits in the same set,
 * and each class keeps its share (80 % / 20 % of each digit).
 */
import { classCounts, subset, type MnistSet } from './mnist';

/** mulberry32: a tiny seeded generator of floats in [0, 1); plenty for shuffling. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place with a seeded generator. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** Options of splitTrainTest. */
export interface SplitOptions {
  /** Share of each class that goes to training. Default 0.8 (8,000 / 2,000 of 10,000). */
  trainFraction?: number;
  /** Seed of the split. Default 0. */
  seed?: number;
}

/** Train and test index lists (each shuffled), stratified by class. */
export function splitIndices(
  labels: ArrayLike<number>,
  options: SplitOptions = {}
): { train: number[]; test: number[] } {
  const fraction = options.trainFraction ?? 0.8;
  if (!(fraction > 0 && fraction < 1))
    throw new Error(`trainFraction must be between 0 and 1, got ${fraction}`);
  const random = mulberry32(options.seed ?? 0);
  const byClass: number[][] = classCounts(labels).map(() => []);
  for (let i = 0; i < labels.length; i++) byClass[labels[i]].push(i);
  // Largest-remainder quotas: each class gets its share, and the total is exactly round(N · fraction).
  const exact = byClass.map((members) => members.length * fraction);
  const quota = exact.map(Math.floor);
  const left = Math.round(labels.length * fraction) - quota.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((e, c) => c)
    .sort((a, b) => exact[b] - quota[b] - (exact[a] - quota[a]) || a - b);
  for (const c of byRemainder.slice(0, left)) quota[c]++;
  const train: number[] = [];
  const test: number[] = [];
  byClass.forEach((members, c) => {
    shuffle(members, random);
    train.push(...members.slice(0, quota[c]));
    test.push(...members.slice(quota[c]));
  });
  return { train: shuffle(train, random), test: shuffle(test, random) };
}

/** Splits a set into train and test sets (exactly 8,000 / 2,000 for the 10,000 digits). */
export function splitTrainTest(
  set: MnistSet,
  options: SplitOptions = {}
): { train: MnistSet; test: MnistSet } {
  const { train, test } = splitIndices(set.labels, options);
  return { train: subset(set, train), test: subset(set, test) };
}
