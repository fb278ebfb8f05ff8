import { describe, expect, it } from 'vitest';
import { latestProgress, loadProgress, progressKey, saveProgress } from './progress.js';

function memoryStorage(initial: Record<string, string> = {}) {
  const data: Record<string, string> = { ...initial };
  return {
    data,
    get length() {
      return Object.keys(data).length;
    },
    key: (i: number) => Object.keys(data)[i] ?? null,
    getItem: (k: string) => (k in data ? data[k] : null),
    setItem: (k: string, v: string) => void (data[k] = v),
    removeItem: (k: string) => void delete data[k]
  };
}

const sample = { visited: ['a', 'b'], solved: ['ex1'], lastSection: 'b', updatedAt: 10 };

describe('progress', () => {
  it('saveProgress() and loadProgress() round-trip under nb:v1:<slug>:progress', () => {
    const storage = memoryStorage();
    saveProgress(storage, 'inception', sample);
    expect(Object.keys(storage.data)).toEqual([progressKey('inception')]);
    expect(loadProgress(storage, 'inception')).toEqual(sample);
  });

  it('loadProgress() starts afresh on damaged data', () => {
    const storage = memoryStorage({ [progressKey('x')]: '{oops' });
    expect(loadProgress(storage, 'x')).toEqual({ visited: [], solved: [], lastSection: null, updatedAt: 0 });
  });

  it('latestProgress() picks the notebook read most recently', () => {
    const storage = memoryStorage({
      [progressKey('one')]: JSON.stringify({ ...sample, updatedAt: 5 }),
      [progressKey('two')]: JSON.stringify({ ...sample, lastSection: 'c', updatedAt: 9 }),
      'nb:v1:two': '{"cells":{}}'
    });
    expect(latestProgress(storage)).toEqual({
      slug: 'two',
      progress: { ...sample, lastSection: 'c', updatedAt: 9 }
    });
  });

  it('latestProgress() is null with no storage or nothing read', () => {
    expect(latestProgress(null)).toBeNull();
    expect(latestProgress(memoryStorage())).toBeNull();
  });
});
