// A desk that was offline through a schema change must open its old data: RxDB migrates the
// stored documents with our strategies on open. Proven here on both storages.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { makeMember } from '../../tests/support/builders/index';
import { COLLECTIONS, collectionSpec, type CollectionSpec } from '../../shared/schemas/index';
import { createDatabase } from './database';
import { MIGRATION_STRATEGIES } from './migrations';
import { dexieStorage, memoryStorage } from './storage';

const members = collectionSpec('members');
/** members as shipped at version 0 (before `source` was indexed). */
const membersV0: CollectionSpec = {
  ...members,
  schema: { ...members.schema, version: 0, indexes: ['cardNo', 'phoneTail'] },
};
/** A future version on top of the current one, adding a required field. */
const NEXT = members.schema.version + 1;
const membersNext: CollectionSpec = {
  ...members,
  schema: {
    ...members.schema,
    version: NEXT,
    properties: { ...members.schema.properties, nickname: { type: 'string', maxLength: 20 } },
    required: [...members.schema.required, 'nickname'],
  },
};

describe('schema migrations', () => {
  it('has a strategy for every schema version of every collection', () => {
    for (const spec of COLLECTIONS) {
      for (let v = 1; v <= spec.schema.version; v++) {
        expect(MIGRATION_STRATEGIES[spec.name]?.[v], `${spec.name} v${v}`).toBeTypeOf('function');
      }
    }
  });

  // memory storage keeps data only while the process runs, so it survives close + reopen in-process
  for (const [label, storage] of [
    ['dexie', dexieStorage({ indexedDB, IDBKeyRange })],
    ['memory', memoryStorage()],
  ] as const) {
    it(`opens members stored at v0 with the current schema on ${label} (the review-ticket index)`, async () => {
      const name = `migrate-real-${label}-${Date.now()}`;
      const old = await createDatabase({ storage, name, devChecks: true, collections: [membersV0], migrations: {} });
      const ticket = makeMember({ id: 'T-1', name: '待核实', source: 'provisional' });
      await old.members.bulkInsert([makeMember({ name: '陈师傅' }), ticket]);
      await old.close();

      const progress: string[] = [];
      const current = await createDatabase({
        storage,
        name,
        devChecks: true,
        collections: [members],
        onMigrationProgress: (p) => progress.push(`${p.collection} ${p.handled}/${p.total}`),
      });
      expect(progress.at(-1)).toBe('members 2/2');
      expect(await current.members.count().exec()).toBe(2);
      const found = await current.members.find({ selector: { source: 'provisional' } }).exec();
      expect(found.map((d) => d.id)).toEqual(['T-1']);
      await current.remove();
    });

    it(`migrates stored members to a version with a new field on ${label}`, async () => {
      const name = `migrate-${label}-${Date.now()}`;
      const old = await createDatabase({ storage, name, devChecks: true, collections: [members] });
      const member = makeMember({ name: '陈师傅' });
      await old.members.insert(member);
      await old.close();

      const migrated = await createDatabase({
        storage,
        name,
        devChecks: true,
        collections: [membersNext],
        migrations: { members: { ...MIGRATION_STRATEGIES.members, [NEXT]: (doc: Record<string, unknown>) => ({ ...doc, nickname: String(doc.name).slice(0, 1) }) } },
      });
      const doc = await migrated.members.findOne(member.id).exec();
      expect(doc?.toJSON()).toMatchObject({ id: member.id, name: '陈师傅', nickname: '陈' });
      await migrated.remove();
    });
  }
});
