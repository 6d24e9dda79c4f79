/**
 * Migration 020 on PGlite and PostgreSQL: a station that already has two live members with one
 * card number keeps one holder (the roster's, then the lowest id); the others become review
 * tickets with new sequence numbers, so desks pull them; afterwards the database refuses a second
 * holder whatever writes it (docs/domain-rules.md, "Members").
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemberDoc } from '../../shared/schemas/index';
import { makeMember, STATION_ID } from '../../tests/support/builders/index';
import { ensureStation, loadDocs, writeServerDocs } from '../repositories/sync-store';
import { createTestDatabase, type TestDatabase, type TestDbKind } from '../testing/test-db';
import { listMigrations, migrate } from './migrate';

const NOW = Date.parse('2026-11-29T02:00:00.000Z');
const CARD_MIGRATION = 20;

export const memberCardMigrationSuite = (kind: TestDbKind) => {
  describe(`migration 020 (one holder per card) on ${kind}`, () => {
    let t: TestDatabase;
    let before: string;

    beforeEach(async () => {
      t = await createTestDatabase(kind);
      // a database as it was before 020: a fresh one with only the earlier migrations
      before = mkdtempSync(join(tmpdir(), 'sd-migrations-'));
      for (const m of listMigrations().filter((m) => m.version < CARD_MIGRATION)) copyFileSync(join(import.meta.dirname, 'migrations', m.file), join(before, m.file));
      await t.db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      await migrate(t.db, before);
    });
    afterEach(async () => {
      rmSync(before, { recursive: true, force: true });
      await t.dispose();
    });

    it('demotes all but one holder of a card to review tickets, then refuses a second holder', async () => {
      await ensureStation(t.db, STATION_ID);
      const docs: MemberDoc[] = [
        makeMember({ id: 'W-1', cardNo: 'X', source: 'walk-in' }),
        makeMember({ id: 'S-9', cardNo: 'X', source: 'server' }),
        makeMember({ id: 'T-1', cardNo: 'X', source: 'provisional' }),
        makeMember({ id: 'W-2', cardNo: 'Y', source: 'walk-in' }),
        makeMember({ id: 'W-3', cardNo: 'Y', source: 'walk-in' }),
        makeMember({ id: 'W-4', cardNo: 'Z', source: 'walk-in' }),
      ];
      await writeServerDocs(t.db, STATION_ID, 'members', docs, { writtenBy: 'test', now: NOW });
      const seqBefore = Math.max(...[...(await loadDocs(t.db, STATION_ID, 'members', docs.map((d) => d.id))).values()].map((d) => d.seq));

      expect(await migrate(t.db)).toContain(CARD_MIGRATION);

      const after = await loadDocs(t.db, STATION_ID, 'members', docs.map((d) => d.id));
      const expected: [string, string, boolean][] = [
        // id, source after, changed (new seq)
        ['S-9', 'server', false],
        ['W-1', 'provisional', true],
        ['T-1', 'provisional', false],
        ['W-2', 'walk-in', false],
        ['W-3', 'provisional', true],
        ['W-4', 'walk-in', false],
      ];
      for (const [id, source, changed] of expected) {
        const doc = after.get(id)!;
        expect(doc.data.source, id).toBe(source);
        expect(doc.seq > seqBefore, id).toBe(changed);
        expect(doc.data.serverRev, id).toBe(doc.seq);
      }
      const { rows } = await t.db.query<{ seq: unknown }>('SELECT seq FROM station_clock WHERE station_id = $1', [STATION_ID]);
      expect(Number(rows[0]!.seq)).toBe(seqBefore + 2);

      const second = makeMember({ id: 'W-5', cardNo: 'Y', source: 'walk-in' });
      await expect(writeServerDocs(t.db, STATION_ID, 'members', [second], { writtenBy: 'test', now: NOW })).rejects.toThrow(/unique|duplicate/i);
      await writeServerDocs(t.db, STATION_ID, 'members', [{ ...second, source: 'provisional' }], { writtenBy: 'test', now: NOW });
    });
  });
};
