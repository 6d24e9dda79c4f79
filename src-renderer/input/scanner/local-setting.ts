/**
 * A per-desk setting in localStorage (each desk has its own browser profile, so localStorage
 * is per desk), normalised on every read so a broken or hand-edited value falls back to
 * defaults, with change notification inside the page and a React hook.
 */
import { useSyncExternalStore } from 'react';

export type SettingStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface LocalSetting<T> {
  get(): T;
  /** Normalises, stores and notifies; returns what was stored. */
  set(value: T): T;
  subscribe(listener: () => void): () => void;
}

const browserStorage = (): SettingStorage | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage disabled: settings live for this page only
  }
};

export const createLocalSetting = <T>(key: string, normalize: (raw: unknown) => T, storage: () => SettingStorage | undefined = browserStorage): LocalSetting<T> => {
  const listeners = new Set<() => void>();
  let cache: { raw: string | null; value: T } | null = null;
  let memory: string | null = null;

  const readRaw = () => {
    try {
      return storage()?.getItem(key) ?? memory;
    } catch {
      return memory;
    }
  };
  const parse = (raw: string | null): T => {
    if (raw === null) return normalize(undefined);
    try {
      return normalize(JSON.parse(raw));
    } catch {
      return normalize(undefined);
    }
  };

  return {
    get() {
      const raw = readRaw();
      if (!cache || cache.raw !== raw) cache = { raw, value: parse(raw) };
      return cache.value;
    },
    set(value) {
      const normalized = normalize(value);
      memory = JSON.stringify(normalized);
      try {
        storage()?.setItem(key, memory);
      } catch {
        // quota or disabled storage: keep the value in memory for this page
      }
      for (const listener of listeners) listener();
      return normalized;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};

export const useLocalSetting = <T>(setting: LocalSetting<T>): T => useSyncExternalStore(setting.subscribe, setting.get, setting.get);
