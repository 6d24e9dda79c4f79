// textArray must round-trip any text through both drivers, quotes and backslashes included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-db';
import { textArray } from './database';

for (const kind of ['pglite', 'postgres'] as const) {
  describe(`textArray on ${kind}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(kind);
    });
    afterAll(async () => t.dispose());

    it('round-trips awkward strings', async () => {
      const values = ['plain', 'with "quotes"', 'back\\slash', 'comma,brace}{', '中文', '', "it's"];
      const { rows } = await t.db.query<{ v: string }>('SELECT unnest($1::text[]) AS v', [textArray(values)]);
      expect(rows.map((r) => r.v)).toEqual(values);
    });
  });
}
