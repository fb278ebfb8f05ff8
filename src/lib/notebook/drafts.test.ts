import { describe, expect, it } from 'vitest';
import { DraftStore, draftsKey, runningKey, type StorageLike } from './drafts.js';

function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => (k in data ? data[k] : null),
    setItem: (k, v) => void (data[k] = v),
    removeItem: (k) => void delete data[k]
  };
}

const draft = { source: 'const a = 2', baseHash: 'abcd1234', savedAt: 1 };

describe('DraftStore', () => {
  it('DraftStore saves drafts under nb:v1:<slug> and loads them back', () => {
    const storage = memoryStorage();
    new DraftStore(storage, 'intro').save({ cells: { a: draft } });
    expect(JSON.parse(storage.data[draftsKey('intro')])).toEqual({ cells: { a: draft } });
    expect(new DraftStore(storage, 'intro').load()).toEqual({ cells: { a: draft } });
  });

  it('DraftStore removes the key when no cell is edited any more', () => {
    const storage = memoryStorage({ [draftsKey('intro')]: '{"cells":{}}' });
    new DraftStore(storage, 'intro').save({ cells: {} });
    expect(storage.data).toEqual({});
  });

  it('DraftStore treats damaged JSON as no drafts and says so', () => {
    const store = new DraftStore(memoryStorage({ [draftsKey('intro')]: '{not json' }), 'intro');
    expect(store.load()).toEqual({ cells: {} });
    expect(store.problem).toBe('draftsDamaged');
  });

  it('DraftStore drops entries that are not drafts', () => {
    const stored = JSON.stringify({ cells: { a: draft, b: 42, c: { source: 7 } } });
    expect(new DraftStore(memoryStorage({ [draftsKey('x')]: stored }), 'x').load()).toEqual({
      cells: { a: draft }
    });
  });

  it('DraftStore reports a full storage instead of throwing', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new DOMException('exceeded the quota', 'QuotaExceededError');
    };
    const store = new DraftStore(storage, 'intro');
    expect(store.save({ cells: { a: draft } })).toBe(false);
    expect(store.problem).toBe('draftsFull');
  });

  it('DraftStore forgets the problem once a save works again', () => {
    const storage = memoryStorage();
    const setItem = storage.setItem;
    storage.setItem = () => {
      throw new DOMException('exceeded the quota', 'QuotaExceededError');
    };
    const store = new DraftStore(storage, 'intro');
    store.save({ cells: { a: draft } });
    storage.setItem = setItem;
    expect(store.save({ cells: { a: draft } })).toBe(true);
    expect(store.problem).toBeNull();
  });

  it('DraftStore works without storage and says edits will not be saved', () => {
    const store = new DraftStore(null, 'intro');
    expect(store.load()).toEqual({ cells: {} });
    expect(store.save({ cells: { a: draft } })).toBe(false);
    expect(store.problem).toBe('draftsNoStorage');
  });

  it('DraftStore leaves a running marker until it is cleared', () => {
    const storage = memoryStorage();
    const store = new DraftStore(storage, 'intro');
    store.markRunning('loop', 5);
    expect(new DraftStore(storage, 'intro').leftoverRunning()).toEqual({ cellId: 'loop', startedAt: 5 });
    store.clearRunning();
    expect(storage.data[runningKey('intro')]).toBeUndefined();
    expect(store.leftoverRunning()).toBeNull();
  });

  it('DraftStore clears only the marker of the run that left it, when told which', () => {
    const storage = memoryStorage();
    const store = new DraftStore(storage, 'intro');
    const mine = store.markRunning('a', 10);
    new DraftStore(storage, 'intro').markRunning('b', 20); // another tab's run
    store.clearRunning(mine);
    expect(store.leftoverRunning()).toEqual({ cellId: 'b', startedAt: 20 });
    store.clearRunning(20);
    expect(store.leftoverRunning()).toBeNull();
  });
});
