import { describe, expect, it } from 'vitest';
import { createLocalSetting } from './local-setting';
import { DEFAULT_SCANNER_OPTIONS, normalizeScannerOptions } from './wedge-options';

const memoryStorage = (initial: Record<string, string> = {}) => {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
};

describe('per-desk scanner settings', () => {
  it('reads defaults when nothing, garbage or hostile values are stored', () => {
    for (const raw of [undefined, 'not json', '"x"', 'null', JSON.stringify({ maxAvgIntervalMs: 'fast', minLength: -5, debounceMs: 1e12 })]) {
      const storage = memoryStorage(raw === undefined ? {} : { k: raw });
      const setting = createLocalSetting('k', normalizeScannerOptions, () => storage);
      const value = setting.get();
      expect(value.maxAvgIntervalMs).toBe(DEFAULT_SCANNER_OPTIONS.maxAvgIntervalMs);
      expect(value.minLength).toBeGreaterThanOrEqual(2);
      expect(value.debounceMs).toBeLessThanOrEqual(10_000);
    }
  });

  it('stores normalised values, notifies, and keeps the gap at least the average', () => {
    const storage = memoryStorage();
    const setting = createLocalSetting('k', normalizeScannerOptions, () => storage);
    let calls = 0;
    const stop = setting.subscribe(() => calls++);
    const saved = setting.set({ ...DEFAULT_SCANNER_OPTIONS, maxAvgIntervalMs: 80, maxGapMs: 40, minLength: 6.4 });
    expect(saved).toMatchObject({ maxAvgIntervalMs: 80, maxGapMs: 80, minLength: 6 });
    expect(JSON.parse(storage.data.get('k') ?? '{}')).toEqual(saved);
    expect(setting.get()).toBe(setting.get()); // stable snapshot for useSyncExternalStore
    expect(calls).toBe(1);
    stop();
  });

  it('keeps working in memory when storage throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    const setting = createLocalSetting('k', normalizeScannerOptions, () => broken);
    expect(setting.set({ ...DEFAULT_SCANNER_OPTIONS, minLength: 8 }).minLength).toBe(8);
    expect(setting.get().minLength).toBe(8);
  });
});
