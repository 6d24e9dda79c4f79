/**
 * The scan benchmark's page (served on the app's own origin, so "ours" is the very IndexedDB
 * database the desk app opens): loads the data into the three stores once (a marker per store in
 * localStorage says a load finished; an unfinished one is wiped and redone), adds today's
 * check-ins, and times the data path of scans on the three stores. Driven by bench/scan.bench.ts
 * through `window.scanBench`; progress goes to the console as "[bench] …" lines.
 */
import { demoStaff, demoStation } from '../../../src-renderer/features/settings/demo-data';
import { localDayStart } from '../../../shared/domain/time';
import { openVisitsSince } from '../../../src-renderer/features/check-in/check-in-command';
import { CLOSING_LOOKBACK_MS } from '../../../src-renderer/features/check-in/closing-check-out';
import { ulid } from '../../../shared/ids';
import { cardNo, checkIn, history, members, today } from './generate';
import { DATABASE_PREFIXES, openOurs, openStore, OUR_DATABASE, STORE_NAMES, type BenchStore, type StoreName } from './stores';

export interface Volume {
  members: number;
  checkins: number;
}

interface Marker extends Volume {
  endMs: number;
  loadMs: number;
  readyMs: number;
}

const BATCH = 10_000;
/** Per store (ours: per database name, which follows the app's). */
const markerKey = (store: StoreName) => `scan-bench.loaded.${store === 'ours' ? OUR_DATABASE : store}`;
const log = (text: string) => console.info(`[bench] ${text}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const readMarker = (store: StoreName): Marker | null => {
  try {
    return JSON.parse(localStorage.getItem(markerKey(store)) ?? 'null') as Marker | null;
  } catch {
    return null;
  }
};

const wipe = async (store: StoreName) => {
  const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => DATABASE_PREFIXES[store].some((p) => n.startsWith(p)));
  for (const name of names) {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error(`deleting ${name} is blocked`));
    });
  }
};

/** The bench station: the demo station (open around the clock) without a capacity limit. */
const seedStation = async () => {
  const store = await openOurs();
  const now = new Date();
  for (const staff of await demoStaff(now)) await store.repos.staff.save(staff);
  await store.repos.station.save({ ...demoStation(now), capacity: 0 });
  await store.close();
};

const loadStore = async (name: StoreName, volume: Volume, endMs: number): Promise<Marker> => {
  await wipe(name);
  localStorage.removeItem(markerKey(name));
  if (name === 'ours') await seedStation();
  const store = await openStore(name);
  const started = performance.now();
  const updatedAt = new Date(endMs).toISOString();
  const total = volume.members + volume.checkins;
  let lastLog = 0;
  const progress = (done: number) => {
    if (done < total && performance.now() - lastLog < 5000) return;
    lastLog = performance.now();
    const elapsed = performance.now() - started;
    log(`${name}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} documents, ${seconds(elapsed)}${done < total ? `, ~${seconds((elapsed / done) * (total - done))} to go` : ''}`);
  };
  for (let from = 0; from < volume.members; from += BATCH) {
    await store.addMembers(members(from, Math.min(volume.members, from + BATCH), updatedAt));
    progress(Math.min(volume.members, from + BATCH));
  }
  for (let from = 0; from < volume.checkins; from += BATCH) {
    await store.addCheckIns(history(from, Math.min(volume.checkins, from + BATCH), volume.members, endMs));
    progress(volume.members + Math.min(volume.checkins, from + BATCH));
  }
  const loadMs = performance.now() - started;
  const readyStarted = performance.now();
  await store.ready();
  const readyMs = performance.now() - readyStarted;
  if (readyMs > 100) log(`${name}: index built in ${seconds(readyMs)}`);
  await store.close();
  const marker = { ...volume, endMs, loadMs, readyMs };
  localStorage.setItem(markerKey(name), JSON.stringify(marker));
  return marker;
};

const api = {
  /** Loads what is missing; returns per store whether it was cached and what the load took. */
  async load(volume: Volume): Promise<Record<StoreName, Marker & { cached: boolean }>> {
    const markers = STORE_NAMES.map(readMarker);
    const endMs = markers.find((m) => m && m.members === volume.members && m.checkins === volume.checkins)?.endMs ?? Date.now();
    const out = {} as Record<StoreName, Marker & { cached: boolean }>;
    for (const [i, name] of STORE_NAMES.entries()) {
      const marker = markers[i];
      if (marker && marker.members === volume.members && marker.checkins === volume.checkins) {
        log(`${name}: loaded before (${marker.members.toLocaleString('en')} members, ${marker.checkins.toLocaleString('en')} check-ins)`);
        out[name] = { ...marker, cached: true };
      } else {
        out[name] = { ...(await loadStore(name, volume, endMs)), cached: false };
      }
    }
    return out;
  },

  /** Today's check-ins so far in ours (what the check-in screen lists); returns how many exist today. */
  async today(perDay: number, memberCount: number): Promise<number> {
    const store = await openOurs();
    const station = await store.repos.station.current();
    if (!station) throw new Error('no station: load first');
    const now = Date.now();
    const dayStart = localDayStart(station, now);
    await store.addCheckIns(today(dayStart, now, perDay, memberCount));
    // People leave: visits begun over two hours ago, and every visit the app's scans of earlier
    // runs opened, are checked out, so each run starts with the open visits a desk really has
    // (without this, every run left 320 more people "inside" and the next run was slower).
    const leftBy = now - 2 * 3_600_000;
    const stale = (await store.repos.checkins.openSince(new Date(dayStart - 2 * 86_400_000).toISOString())).filter(
      (c) => Date.parse(c.at) < leftBy || c.deskId !== 'BENCH-DESK-TODAY',
    );
    for (const c of stale) await store.repos.checkins.checkOut(c.id, new Date(Math.min(Date.parse(c.at) + 3_600_000, now - 60_000)).toISOString(), 'manual', 'S-1');
    if (stale.length) log(`checked out ${stale.length} visits that had ended`);
    const range = { from: new Date(dayStart).toISOString(), to: new Date(dayStart + 86_400_000).toISOString() };
    const count = await store.repos.checkins.countBetween(range);
    await store.close();
    return count;
  },

  /** What the desk reads when the app starts (the first scan waits for these), each timed alone. */
  async startupReads(): Promise<Record<string, { ms: number; docs: number }>> {
    const store = await openOurs();
    const station = await store.repos.station.current();
    if (!station) throw new Error('no station: load first');
    const now = Date.now();
    const dayStart = localDayStart(station, now);
    const reads: Record<string, () => Promise<unknown[]>> = {
      'review tickets (members where source = provisional)': () => store.repos.members.provisional(),
      "today's check-ins (the screen's list)": () => store.repos.checkins.between({ from: new Date(dayStart).toISOString(), to: new Date(dayStart + 86_400_000).toISOString() }),
      'open visits, 2 days (the screen, each scan)': () => store.repos.checkins.openSince(openVisitsSince(station, now)),
      'open visits, 30 days (closing check-out at start)': () => store.repos.checkins.openSince(new Date(now - CLOSING_LOOKBACK_MS).toISOString()),
    };
    const out: Record<string, { ms: number; docs: number }> = {};
    for (const [name, read] of Object.entries(reads)) {
      const started = performance.now();
      const docs = await read();
      out[name] = { ms: Math.round(performance.now() - started), docs: docs.length };
      log(`start-up read: ${name}: ${out[name].ms} ms, ${docs.length} documents`);
    }
    await store.close();
    return out;
  },

  async counts(): Promise<Record<StoreName, { members: number; checkins: number }>> {
    const out = {} as Record<StoreName, { members: number; checkins: number }>;
    for (const name of STORE_NAMES) {
      const store = await openStore(name);
      out[name] = await store.counts();
      await store.close();
    }
    return out;
  },

  /**
   * Scans of the members `numbers` (the first `warmup` not counted) on each store, the stores
   * taking turns (rotating who goes first) so that a busy moment of the machine hits all three alike.
   */
  async dataPath(numbers: number[], warmup: number): Promise<Record<StoreName, { ms: number[]; notFound: number }>> {
    const stores: BenchStore[] = [];
    for (const name of STORE_NAMES) stores.push(await openStore(name));
    const out = Object.fromEntries(STORE_NAMES.map((n) => [n, { ms: [] as number[], notFound: 0 }])) as Record<StoreName, { ms: number[]; notFound: number }>;
    for (const [i, n] of numbers.entries()) {
      for (let k = 0; k < stores.length; k++) {
        const store = stores[(i + k) % stores.length]!;
        const started = performance.now();
        const found = await store.scan(cardNo(n), (memberId) => ({ ...checkIn(ulid(), n, Date.now(), 'BENCH-DESK-SCAN', null), memberId }));
        const ms = performance.now() - started;
        if (i === 0) log(`data path: ${store.name}: first scan after opening ${Math.round(ms)} ms`);
        if (i < warmup) continue;
        out[store.name].ms.push(ms);
        if (!found) out[store.name].notFound++;
      }
      if (i % 50 === 0) log(`data path: ${i} / ${numbers.length} scans on each store`);
    }
    for (const store of stores) await store.close();
    return out;
  },
};

export type ScanBenchApi = typeof api;
(window as unknown as { scanBench: ScanBenchApi }).scanBench = api;
log('page ready');
