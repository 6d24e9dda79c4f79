// Replication against the real server (PGlite, real HTTP) with fault hooks at its HTTP edge
// (tests/sync/harness/fault-server.ts), on RxDB memory storage. One desk (10 collections) at a
// time: the open-source RxDB build allows 13 open collections per process, so each test removes its DB.
import { afterEach, describe, expect, it } from 'vitest';
import { sameState } from '../../shared/protocol/conflicts';
import { ulid } from '../../shared/ids';
import { makeCheckIn, makeEquipmentLog, makeMember, STATION_ID } from '../../tests/support/builders/index';
import { startFaultServer, type FaultServer } from '../../tests/sync/harness/fault-server';
import { createDatabase, type DeskDatabase } from './database';
import { startReplication, type StartReplicationOptions, type SyncHandle } from './replication';
import { createRepositories, type Repositories } from './repositories/index';
import { memoryStorage } from './storage';
import { WAIT_LIMIT_MS } from '../../tests/support/wait';

interface Desk {
  db: DeskDatabase;
  repos: Repositories;
  sync: SyncHandle;
  server: FaultServer;
  online(): void;
  reported: number[];
  tokenCalls: { force: boolean }[];
}

let open: { db?: DeskDatabase; sync?: SyncHandle; server?: FaultServer } = {};
const poll = { timeout: WAIT_LIMIT_MS, interval: 20 };
/** A real server on a fresh PGlite database takes a while to start on a loaded machine. */
const SERVER_TEST_MS = 3 * WAIT_LIMIT_MS;
/**
 * For checks that something does NOT happen: how long to give it the chance. Each such check
 * first waits for a positive sign that the desk got past the moment in question, so a slow
 * machine can only make the window less searching, never make the check fail when all is well.
 */
const NOTHING_HAPPENS_WINDOW_MS = 200;

const startDesk = async (
  prepare?: (server: FaultServer) => void,
  overrides: Partial<Omit<StartReplicationOptions, 'getAccessToken'>> & {
    db?: DeskDatabase;
    server?: FaultServer;
    /** The desk's token source, given the server (whose refresh endpoint it may call). */
    tokens?: (server: FaultServer) => StartReplicationOptions['getAccessToken'];
  } = {},
): Promise<Desk> => {
  const { tokens, ...options } = overrides;
  const server = options.server ?? (await startFaultServer());
  prepare?.(server);
  const db = options.db ?? (await createDatabase({ storage: memoryStorage(), name: `sync-${ulid().toLowerCase()}`, devChecks: true }));
  const listeners = new Set<() => void>();
  const reported: number[] = [];
  const tokenCalls: { force: boolean }[] = [];
  const sync = startReplication(db, {
    serverUrl: server.url,
    stationId: STATION_ID,
    getAccessToken: async (request) => {
      tokenCalls.push({ force: Boolean(request?.forceRefresh) });
      return { token: server.desk.accessToken, expiresAt: server.desk.accessExpiresAt };
    },
    onlineEvents: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onPendingWrites: (n) => reported.push(n),
    retryTime: 30,
    maxBackoffMs: 150,
    pollIntervalMs: 60_000,
    stream: { minDelayMs: 20, maxDelayMs: 100, idleTimeoutMs: 5000 },
    ...options,
    ...(tokens ? { getAccessToken: tokens(server) } : {}),
  });
  open = { db, sync, server };
  return { db, repos: createRepositories(db), sync, server, reported, tokenCalls, online: () => listeners.forEach((l) => l()) };
};

const serverDoc = (desk: Desk, collection: 'checkins' | 'members' | 'equipmentLogs', id: string) => desk.server.get(collection, id);
const allOnServer = async (desk: Desk, collection: 'checkins' | 'equipmentLogs', ids: string[]) =>
  (await Promise.all(ids.map((id) => desk.server.get(collection, id)))).every(Boolean);
const deskDoc = async (desk: Desk, collection: 'checkins' | 'members' | 'equipmentLogs', id: string) =>
  (await desk.db[collection].findOne(id).exec())?.toJSON() as Record<string, unknown> | undefined;

/** The desk holds exactly what the server holds (serverRev included). */
const converged = async (desk: Desk, collection: 'checkins' | 'members' | 'equipmentLogs', id: string) => {
  const mine = await deskDoc(desk, collection, id);
  const theirs = await serverDoc(desk, collection, id);
  return !!mine && !!theirs && sameState({ ...mine, _deleted: false }, theirs);
};

const waitOnline = (desk: Desk) => expect.poll(() => desk.sync.current().state, poll).toBe('online');

afterEach(async () => {
  await open.sync?.stop();
  await open.db?.remove();
  await open.server?.close();
  open = {};
});

describe('replication', { timeout: SERVER_TEST_MS }, () => {
  it('pushes offline writes exactly once after reconnecting; pending goes N → 0', async () => {
    const desk = await startDesk((server) => server.setOffline(true));
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await desk.repos.checkins.record(makeCheckIn({ badge: `31000000000${i}` }))).id);
    await expect.poll(() => desk.sync.current().pending, poll).toBe(5);
    await expect.poll(() => desk.sync.current().state, poll).toBe('offline');
    expect(desk.sync.current().lastError?.code).toBe('NETWORK');
    expect(desk.reported.at(-1)).toBe(5);

    desk.server.setOffline(false);
    desk.online();
    await expect.poll(() => allOnServer(desk, 'checkins', ids), poll).toBe(true);
    await expect.poll(() => desk.sync.current().pending, poll).toBe(0);
    for (const id of ids) await expect.poll(() => converged(desk, 'checkins', id), poll).toBe(true);
    await waitOnline(desk);
    // Pushes go one after another: once a later write has reached the server and nothing is
    // pending, a repeated push of the first five can no longer be on its way.
    const marker = await desk.repos.checkins.record(makeCheckIn({ badge: '310000000009' }));
    await expect.poll(() => converged(desk, 'checkins', marker.id), poll).toBe(true);
    await expect.poll(() => desk.sync.current().pending, poll).toBe(0);
    for (const id of ids) expect(desk.server.rows.filter((r) => r.id === id).map((r) => r.applied)).toEqual(['insert']);
    expect(desk.reported.at(-1)).toBe(0);
    expect(desk.sync.current().lastSyncAt).toBeGreaterThan(0);
  });

  it('shows a server failure as "error" with its code, keeps the write pending, and recovers', async () => {
    const desk = await startDesk((server) => (server.failWith = { status: 503, code: 'UNAVAILABLE' }));
    const checkIn = await desk.repos.checkins.record(makeCheckIn());
    await expect.poll(() => desk.sync.current().state, poll).toBe('error');
    expect(desk.sync.current().lastError).toMatchObject({ code: 'UNAVAILABLE', status: 503 });
    await expect.poll(() => desk.sync.current().pending, poll).toBe(1);
    desk.server.failWith = null;
    desk.sync.resync();
    await expect.poll(() => converged(desk, 'checkins', checkIn.id), poll).toBe(true);
    await waitOnline(desk);
    await expect.poll(() => desk.sync.current().pending, poll).toBe(0);
  });

  it('treats a malformed answer as a retryable protocol error and recovers', async () => {
    const desk = await startDesk((server) => (server.mangle = '/api/sync/members/pull'));
    const [member] = await desk.server.write('members', [makeMember({ name: '周师傅' })], { quiet: true });
    await expect.poll(() => desk.sync.current().state, poll).toBe('error');
    expect(desk.sync.current().lastError).toMatchObject({ code: 'BAD_RESPONSE' });
    expect(await deskDoc(desk, 'members', member!.id)).toBeUndefined();
    desk.server.mangle = null;
    desk.sync.resync();
    await expect.poll(() => converged(desk, 'members', member!.id), poll).toBe(true);
    await waitOnline(desk);
  });

  it('splits a catch-up push under the server body limit (equipment photos)', async () => {
    const desk = await startDesk();
    const photo = `data:image/jpeg;base64,${'A'.repeat(280_000)}`;
    const logs = Array.from({ length: 40 }, (_, i) => ({
      id: ulid(),
      stationId: STATION_ID,
      serverRev: 0,
      updatedAt: '2026-11-29T01:00:00.000Z',
      equipmentId: `EQ-${i}`,
      event: 'fault-reported' as const,
      severity: 'low' as const,
      description: '跑步机停机',
      photo,
      at: '2026-11-29T01:00:00.000Z',
      deskId: 'DESK-1',
      staffId: 'S-1',
    }));
    expect((await desk.db.equipmentLogs.bulkInsert(logs)).error).toEqual([]);
    await expect.poll(() => allOnServer(desk, 'equipmentLogs', logs.map((l) => l.id)), poll).toBe(true);
    expect(desk.server.requests.filter((r) => r.status === 413)).toHaveLength(0);
    expect(Math.max(...desk.server.pushBodies)).toBeLessThan(8 * 1024 * 1024);
    await expect.poll(() => desk.sync.current().pending, poll).toBe(0);
  });

  it('resolves a check-out conflict by policy (latest check-out wins) and converges', async () => {
    const desk = await startDesk();
    await waitOnline(desk);
    const a = await desk.repos.checkins.record(makeCheckIn());
    const b = await desk.repos.checkins.record(makeCheckIn({ badge: '310000000002' }));
    await expect.poll(() => converged(desk, 'checkins', a.id), poll).toBe(true);
    await expect.poll(() => converged(desk, 'checkins', b.id), poll).toBe(true);

    // Another desk checked both out; the hint is lost, so this desk pushes on a stale state.
    const other = async (id: string, at: string) =>
      desk.server.write('checkins', [{ ...(await desk.server.get('checkins', id))!, checkedOutAt: at, checkOutMethod: 'scan' }], { quiet: true });
    await other(a.id, '2026-11-29T03:00:00.000Z');
    await other(b.id, '2026-11-29T05:00:00.000Z');
    await desk.repos.checkins.checkOut(a.id, '2026-11-29T04:00:00.000Z', 'manual', 'S-1');
    await desk.repos.checkins.checkOut(b.id, '2026-11-29T04:00:00.000Z', 'manual', 'S-1');

    await expect.poll(async () => (await serverDoc(desk, 'checkins', a.id))?.checkedOutAt, poll).toBe('2026-11-29T04:00:00.000Z');
    await expect.poll(() => converged(desk, 'checkins', a.id), poll).toBe(true);
    await expect.poll(() => converged(desk, 'checkins', b.id), poll).toBe(true);
    expect((await deskDoc(desk, 'checkins', b.id))?.checkedOutAt).toBe('2026-11-29T05:00:00.000Z');
    expect(desk.server.rows.filter((r) => r.id === a.id).map((r) => r.applied)).toEqual(['insert', 'conflict', 'update']);
    await expect.poll(() => desk.sync.current().pending, poll).toBe(0);
  });

  it('quarantines a rejected row with its reason and keeps pushing the rest', async () => {
    // The server refuses what no store can keep (a NUL character); the desk's own schema allows it.
    const desk = await startDesk();
    const bad = await desk.repos.checkins.record(makeCheckIn({ badge: 'BAD\u00001' }));
    const good = await desk.repos.checkins.record(makeCheckIn({ badge: '310000000003' }));
    await expect.poll(() => desk.sync.current().rejected.length, poll).toBe(1);
    expect(desk.sync.current().rejected[0]).toMatchObject({
      collection: 'checkins',
      id: bad.id,
      code: 'SCHEMA_VIOLATION',
      message: `checkins ${bad.id}: /badge contains a NUL character or a broken (lone surrogate) character`,
      doc: { badge: 'BAD\u00001' },
    });
    await expect.poll(async () => !!(await serverDoc(desk, 'checkins', good.id)), poll).toBe(true);

    const later = await desk.repos.checkins.record(makeCheckIn({ badge: '310000000004' }));
    await expect.poll(async () => !!(await serverDoc(desk, 'checkins', later.id)), poll).toBe(true);
    await expect.poll(() => desk.sync.current().pending, poll).toBe(0);
    await waitOnline(desk);
    expect(await serverDoc(desk, 'checkins', bad.id)).toBeUndefined();
    expect(await deskDoc(desk, 'checkins', bad.id)).toBeDefined(); // nothing disappears on the desk

    // Once the same id is accepted (fixed and pushed again), its entry goes away.
    const member = makeMember({ cardNo: 'M-1', source: 'walk-in' });
    await desk.repos.members.upsert({ ...member, stationId: 'ST-ELSEWHERE', phoneTail: '0000' });
    await expect.poll(() => desk.sync.current().rejected.find((e) => e.id === member.id)?.code, poll).toBe('WRONG_STATION');
    await expect.poll(() => desk.sync.current().rejected.map((e) => e.id), poll).toContain(member.id);
    await desk.repos.members.upsert({ ...member, phoneTail: '1234' });
    await expect.poll(() => desk.sync.current().rejected.map((e) => e.id), poll).not.toContain(member.id);
    expect((await serverDoc(desk, 'members', member.id))?.phoneTail).toBe('1234');
  });

  it('pulls a collection when the stream hints at it', async () => {
    const desk = await startDesk();
    await waitOnline(desk);
    await expect.poll(() => desk.server.openStreams(), poll).toBe(1);
    const pullsBefore = desk.server.requests.filter((r) => r.path.startsWith('/api/sync/members/pull')).length;
    const [member] = await desk.server.write('members', [makeMember({ name: '赵师傅' })]);
    await expect.poll(() => converged(desk, 'members', member!.id), poll).toBe(true);
    const pullsAfter = desk.server.requests.filter((r) => r.path.startsWith('/api/sync/members/pull')).length;
    expect(pullsAfter - pullsBefore).toBeGreaterThanOrEqual(1);
    expect(desk.sync.current().live).toBe(true);
  });

  it('re-pulls everything when the stream reconnects and when the network comes back', async () => {
    const desk = await startDesk();
    await waitOnline(desk);
    await expect.poll(() => desk.server.openStreams(), poll).toBe(1);
    const [missed] = await desk.server.write('members', [makeMember({ name: '钱师傅' })], { quiet: true });
    desk.server.dropStreams();
    await expect.poll(() => converged(desk, 'members', missed!.id), poll).toBe(true);
    await expect.poll(() => desk.server.streamOpens(), poll).toBe(2);
    await waitOnline(desk);
    // The reopened stream's own catch-up pull must be over before the quiet write, or it could
    // fetch it: a hinted write, sent on the new stream (so after its catch-up started), pulled
    // and nothing syncing any more, shows it is.
    await expect.poll(() => desk.sync.current().live, poll).toBe(true);
    const [hinted] = await desk.server.write('members', [makeMember({ name: '李师傅', cardNo: '310000000098' })]);
    await expect.poll(() => converged(desk, 'members', hinted!.id), poll).toBe(true);
    await waitOnline(desk);

    const [missedAgain] = await desk.server.write('members', [makeMember({ name: '孙师傅', cardNo: '310000000099' })], { quiet: true });
    // Nothing pulls it without a hint or a reconnect (see NOTHING_HAPPENS_WINDOW_MS).
    await new Promise((r) => setTimeout(r, NOTHING_HAPPENS_WINDOW_MS));
    expect(await deskDoc(desk, 'members', missedAgain!.id)).toBeUndefined();
    desk.online();
    await expect.poll(() => converged(desk, 'members', missedAgain!.id), poll).toBe(true);
  });

  it('keeps pulling when the server cuts pages by size and says more remain', async () => {
    // Photos near the size limit: the server's ~4 MB page holds 14 of them, well under the limit of 500.
    const server = await startFaultServer();
    const photo = `data:image/jpeg;base64,${'A'.repeat(290_000)}`;
    const logs = await server.write('equipmentLogs', Array.from({ length: 60 }, (_, i) => makeEquipmentLog({ equipmentId: `EQ-${i}`, event: 'inspected', photo })), { quiet: true });
    const desk = await startDesk(undefined, { server });
    await expect.poll(() => desk.db.equipmentLogs.count().exec(), poll).toBe(60);
    expect(desk.server.requests.filter((r) => r.path.startsWith('/api/sync/equipmentLogs/pull')).length).toBeGreaterThan(3);
    await expect.poll(() => desk.sync.current().initialSync.byCollection.equipmentLogs.done, poll).toBe(true);
    expect(await converged(desk, 'equipmentLogs', logs[59]!.id)).toBe(true);
  });

  it('refreshes the access token once on 401 TOKEN_EXPIRED', async () => {
    const calls: boolean[] = [];
    const desk = await startDesk(
      // On the server's clock the desk's access token has expired; the refresh token has not.
      (server) => (server.clockOffsetMs = 16 * 60_000),
      {
        tokens: (server) => async (options) => {
          calls.push(Boolean(options?.forceRefresh));
          const tokens = options?.forceRefresh ? await server.refreshDesk() : server.desk;
          return { token: tokens.accessToken, expiresAt: tokens.accessExpiresAt };
        },
      },
    );
    await waitOnline(desk);
    expect(calls.filter(Boolean)).toHaveLength(1);
    expect(desk.server.requests.filter((r) => r.status === 401).length).toBeGreaterThanOrEqual(1);
    const checkIn = await desk.repos.checkins.record(makeCheckIn());
    await expect.poll(() => converged(desk, 'checkins', checkIn.id), poll).toBe(true);
    expect(calls.filter(Boolean)).toHaveLength(1);
  });

  it("reconnects with a refreshed token when the server ends the stream at the token's expiry", async () => {
    const calls: boolean[] = [];
    // a short heartbeat: each beat also checks the token's expiry on the server's clock
    const server = await startFaultServer({ streams: { heartbeatMs: 50 } });
    const desk = await startDesk(undefined, {
      server,
      tokens: (s) => async (options) => {
        calls.push(Boolean(options?.forceRefresh));
        const tokens = options?.forceRefresh ? await s.refreshDesk() : s.desk;
        return { token: tokens.accessToken, expiresAt: tokens.accessExpiresAt };
      },
    });
    await waitOnline(desk);
    await expect.poll(() => desk.server.openStreams(), poll).toBe(1);
    expect(calls.filter(Boolean)).toHaveLength(0);
    // the server's clock passes the access token's expiry: the server ends the stream
    desk.server.clockOffsetMs = 16 * 60_000;
    await expect.poll(() => desk.server.streamOpens(), poll).toBe(2);
    await expect.poll(() => desk.server.openStreams(), poll).toBe(1);
    expect(calls.filter(Boolean).length).toBeGreaterThanOrEqual(1);
    expect(desk.sync.current().state).not.toBe('revoked');
    // the new stream, opened with the fresh token, carries hints
    await expect.poll(() => desk.sync.current().live, poll).toBe(true);
    const [member] = await desk.server.write('members', [makeMember({ name: '周师傅', cardNo: '310000000097' })]);
    await expect.poll(() => converged(desk, 'members', member!.id), poll).toBe(true);
  });

  it('stops with state "revoked" when the server revokes the desk on the stream', async () => {
    const desk = await startDesk();
    await waitOnline(desk);
    await expect.poll(() => desk.server.openStreams(), poll).toBe(1);
    await desk.server.revoke(true);
    await expect.poll(() => desk.sync.current().state, poll).toBe('revoked');
    expect(desk.sync.current().lastError?.code).toBe('DEVICE_REVOKED');
    // The desk has let go of the stream (asserted again below) before the count is taken: the
    // stream's own end would otherwise count as a request.
    await expect.poll(() => desk.server.openStreams(), poll).toBe(0);
    const requests = desk.server.requests.length;
    await desk.repos.checkins.record(makeCheckIn());
    desk.sync.resync();
    desk.online();
    // Nothing asks the server anything after the revocation (see NOTHING_HAPPENS_WINDOW_MS).
    await new Promise((r) => setTimeout(r, NOTHING_HAPPENS_WINDOW_MS));
    expect(desk.server.requests.length).toBe(requests);
    expect(desk.server.openStreams()).toBe(0);
  });

  it('stops with state "revoked" on a 401 DEVICE_REVOKED answer', async () => {
    const desk = await startDesk();
    await waitOnline(desk);
    await desk.server.revoke(false);
    await desk.repos.checkins.record(makeCheckIn());
    await expect.poll(() => desk.sync.current().state, poll).toBe('revoked');
  });

  it('reports first-sync progress and remembers the last sync across a restart', async () => {
    const server = await startFaultServer();
    await server.write('members', Array.from({ length: 120 }, (_, i) => makeMember({ cardNo: `3100000${String(i).padStart(5, '0')}` })), { quiet: true });
    const seen: { percent: number; members: { received: number; remaining: number | null } }[] = [];
    const desk = await startDesk(undefined, { server, batchSize: 50 });
    const unsubscribe = desk.sync.subscribe((s) => seen.push({ percent: s.initialSync.percent, members: s.initialSync.byCollection.members }));
    await expect.poll(() => desk.sync.current().initialSync.active, poll).toBe(false);
    unsubscribe();
    const progress = desk.sync.current().initialSync;
    expect(progress).toMatchObject({ collectionsDone: 10, collectionsTotal: 10, percent: 100 });
    expect(progress.byCollection.members.received).toBe(120);
    expect(seen.some((s) => s.members.received === 50 && s.members.remaining === 70)).toBe(true);
    const percents = seen.map((s) => s.percent);
    expect(percents.some((p) => p > 0 && p < 100)).toBe(true);
    expect(percents).toEqual([...percents].sort((x, y) => x - y)); // never backwards
    await waitOnline(desk);
    const lastSyncAt = desk.sync.current().lastSyncAt;

    // Restart offline: the last sync time and the finished first sync come back from disk.
    await desk.sync.stop();
    server.setOffline(true);
    const again = await startDesk(undefined, { server, db: desk.db });
    await expect.poll(() => again.sync.current().lastSyncAt, poll).toBe(lastSyncAt);
    expect(again.sync.current().initialSync.collectionsDone).toBe(10);
  });
});
