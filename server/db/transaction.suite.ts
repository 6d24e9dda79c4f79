// The transaction helper publishes the hints and revocations a transaction queued once it has
// committed (hints: newest seq per station and collection), and none after a rollback
// (db/transaction.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, type TestDbKind } from '../testing/test-db';
import { WAIT_LIMIT_MS } from '../../tests/support/wait';
import { HINT_CHANNEL, parseHint, REVOKE_CHANNEL, type StationHint } from './hints';

export const transactionSuite = (kind: TestDbKind) => {
  describe(`transaction hints on ${kind}`, () => {
    let t: TestDatabase;
    let heard: StationHint[];
    let revoked: string[];
    let unlisten: (() => Promise<void>)[];
    beforeEach(async () => {
      t = await createTestDatabase(kind);
      heard = [];
      revoked = [];
      unlisten = [
        await t.db.listen(HINT_CHANNEL, (payload) => {
          const hint = parseHint(payload);
          if (hint) heard.push(hint);
        }),
        await t.db.listen(REVOKE_CHANNEL, (deviceId) => void revoked.push(deviceId)),
      ];
    });
    afterEach(async () => {
      for (const stop of unlisten) await stop();
      await t.dispose();
    });

    it('publishes after commit: nothing while the transaction is open, then the newest hint per collection', async () => {
      await t.db.transaction(async (tx) => {
        tx.hint({ stationId: 'S1', collection: 'bookings', seq: 3 });
        tx.hint({ stationId: 'S1', collection: 'bookings', seq: 5 });
        tx.hint({ stationId: 'S1', collection: 'members', seq: 4 });
        await tx.query('SELECT pg_sleep(0.05)');
        expect(heard).toEqual([]);
      });
      await expect.poll(() => heard.length, { timeout: WAIT_LIMIT_MS }).toBe(2);
      expect(heard).toEqual(
        expect.arrayContaining([
          { stationId: 'S1', collection: 'bookings', seq: 5 },
          { stationId: 'S1', collection: 'members', seq: 4 },
        ]),
      );
    });

    it('publishes nothing when the transaction rolls back', async () => {
      const failed = t.db.transaction(async (tx) => {
        tx.hint({ stationId: 'S1', collection: 'bookings', seq: 7 });
        throw new Error('refused');
      });
      await expect(failed).rejects.toThrow('refused');
      // a committed transaction after it: its hint arrives, the rolled-back one never does
      await t.db.transaction(async (tx) => tx.hint({ stationId: 'S1', collection: 'members', seq: 8 }));
      await expect.poll(() => heard.length, { timeout: WAIT_LIMIT_MS }).toBe(1);
      expect(heard).toEqual([{ stationId: 'S1', collection: 'members', seq: 8 }]);
    });

    it('publishes a revocation after commit, never after a rollback', async () => {
      await expect(
        t.db.transaction(async (tx) => {
          tx.revoked('DEV-ROLLED-BACK');
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      await t.db.transaction(async (tx) => {
        tx.revoked('DEV-1');
        await tx.query('SELECT pg_sleep(0.05)');
        expect(revoked).toEqual([]);
      });
      await expect.poll(() => revoked.length, { timeout: WAIT_LIMIT_MS }).toBe(1);
      expect(revoked).toEqual(['DEV-1']);
    });
  });
};
