// The transaction helper publishes the hints a transaction queued once it has committed, newest
// seq per station and collection, and none after a rollback (db/transaction.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, type TestDbKind } from '../testing/test-db';
import { HINT_CHANNEL, parseHint, type StationHint } from './hints';

export const transactionSuite = (kind: TestDbKind) => {
  describe(`transaction hints on ${kind}`, () => {
    let t: TestDatabase;
    let heard: StationHint[];
    let unlisten: () => Promise<void>;
    beforeEach(async () => {
      t = await createTestDatabase(kind);
      heard = [];
      unlisten = await t.db.listen(HINT_CHANNEL, (payload) => {
        const hint = parseHint(payload);
        if (hint) heard.push(hint);
      });
    });
    afterEach(async () => {
      await unlisten();
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
      await expect.poll(() => heard.length).toBe(2);
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
      await expect.poll(() => heard.length).toBe(1);
      expect(heard).toEqual([{ stationId: 'S1', collection: 'members', seq: 8 }]);
    });
  });
};
