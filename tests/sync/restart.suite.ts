/**
 * The server process dies in the middle of a push (SIGKILL: no graceful shutdown) and a new one
 * starts on the same database. The desk retries; nothing is lost and nothing is applied twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open';
import { createTestDatabase, type TestDatabase } from '../../server/testing/test-db';
import { makeCheckIn } from '../support/builders/index';
import { Desk } from './harness/desk';
import { FaultProxy } from './harness/fault-proxy';
import { createStation, issueCode, SERVER_PROCESS_TEST_LIMIT_MS, serverDocs, startServerProcess, type ServerProcess } from './harness/server';

export const restartSuite = (kind: 'pglite' | 'postgres') => {
  describe(`server restart mid-push on ${kind}`, () => {
    const cleanup: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const fn of cleanup.reverse()) await fn().catch(() => undefined);
    });

    it('loses and duplicates nothing when the server is killed during a push', { timeout: SERVER_PROCESS_TEST_LIMIT_MS }, async () => {
      let testDb: TestDatabase | null = null;
      const dataDir = mkdtempSync(join(tmpdir(), 'sd-restart-'));
      cleanup.push(async () => rmSync(dataDir, { recursive: true, force: true }));
      if (kind === 'postgres') {
        testDb = await createTestDatabase('postgres');
        await testDb.db.close(); // the server processes own the database
        cleanup.push(() => testDb!.dispose());
      }
      const options = kind === 'postgres' ? { databaseUrl: testDb!.url } : { dataDir };
      let server: ServerProcess = await startServerProcess(options);
      cleanup.push(() => server.stop());
      const station = `ST-RESTART-${kind}`;
      await createStation(server.url, station);
      const proxy = await FaultProxy.start(server.url);
      cleanup.push(() => proxy.close());
      const desk = await Desk.open(`${kind}-restart`, proxy.url, await issueCode(server.url, station));
      cleanup.push(() => desk.close());
      await desk.start();

      const killed = new Promise<void>((resolve) => {
        proxy.onPushSent = () => void server.kill().then(resolve);
      });
      const docs = Array.from({ length: 200 }, () => makeCheckIn({ stationId: station }));
      await desk.insert('checkins', docs);
      await killed;

      server = await startServerProcess(options);
      proxy.retarget(server.url);
      await desk.resync();
      await desk.settle(async () => (await desk.status()).pending === 0, 60_000);
      await server.stop();

      const db = kind === 'postgres' ? await openDatabase({ databaseUrl: testDb!.url }) : await openDatabase({ dataDir: join(dataDir, 'pglite') });
      try {
        const onServer = await serverDocs(db, station, 'checkins');
        expect(onServer.map((d) => d.id).sort()).toEqual(docs.map((d) => d.id).sort());
      } finally {
        await db.close();
      }
    });
  });
};
