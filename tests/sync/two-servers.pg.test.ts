// Two server processes on one PostgreSQL database serve desks interchangeably: a write through
// one reaches a desk connected to the other by a live hint (LISTEN/NOTIFY, not the slow poll),
// and a revocation issued on one closes the device's stream on the other.
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../server/testing/test-db';
import { makeCheckIn } from '../support/builders/index';
import { Desk } from './harness/desk';
import { admin, createStation, issueCode, SERVER_PROCESS_TEST_LIMIT_MS, startServerProcess, type ServerProcess } from './harness/server';

describe('two server processes, one database', () => {
  let testDb: TestDatabase;
  const servers: ServerProcess[] = [];
  const desks: Desk[] = [];
  afterAll(async () => {
    for (const d of desks) await d.close();
    for (const s of servers) await s.stop().catch(() => undefined);
    await testDb?.dispose();
  });

  it('delivers a change across processes by hint, and a revocation closes the other process’s stream', { timeout: SERVER_PROCESS_TEST_LIMIT_MS }, async () => {
    testDb = await createTestDatabase('postgres');
    servers.push(await startServerProcess({ databaseUrl: testDb.url }), await startServerProcess({ databaseUrl: testDb.url }));
    const [one, two] = servers as [ServerProcess, ServerProcess];
    const station = 'ST-TWO-PROCESSES';
    await createStation(one.url, station);
    const a = await Desk.open('two-A', one.url, await issueCode(one.url, station));
    const b = await Desk.open('two-B', two.url, await issueCode(two.url, station));
    desks.push(a, b);
    // a safety poll of 10 minutes: within this test only hints can bring changes
    await a.start({ pollIntervalMs: 600_000 });
    await b.start({ pollIntervalMs: 600_000 });
    await a.waitFor(async () => (await a.status()).live === true, 'live stream');
    await b.waitFor(async () => (await b.status()).live === true, 'live stream');

    const doc = makeCheckIn({ stationId: station });
    const t0 = Date.now();
    await a.insert('checkins', [doc]);
    await b.settle(async () => (await b.dump('checkins')).some((d) => d.id === doc.id), 20_000);
    console.info(`change through process 1 seen at a desk of process 2 after ${Date.now() - t0} ms`);

    // and back: B writes through process 2, A (on process 1) receives it
    const back = makeCheckIn({ stationId: station });
    await b.insert('checkins', [back]);
    await a.settle(async () => (await a.dump('checkins')).some((d) => d.id === back.id), 20_000);

    const devices = (await admin(two.url, 'GET', `/stations/${station}/devices`)) as { devices: { id: string; name: string }[] };
    const deviceA = devices.devices.find((d) => d.name === 'two-A')!;
    await admin(two.url, 'POST', `/devices/${deviceA.id}/revoke`, { reason: 'test' });
    await a.waitFor(async () => (await a.status()).state === 'revoked', 'revocation');
    expect((await a.status()).state).toBe('revoked');
  });
});
