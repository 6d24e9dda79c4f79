// A desk that was offline through a schema change must open its old data: RxDB migrates the
// stored documents with our strategies on open. Proven here on both storages.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { makeMember } from '../../tests/fixtures/docs';
import { COLLECTIONS, collectionSpec, type CollectionSpec } from '../../shared/schemas/index';
import { createDatabase } from './database';
import { MIGRATION_STRATEGIES } from './migrations';
import { dexieStorage, memoryStorage } from './storage';

const membersV0 = collectionSpec('members');
const membersV1: CollectionSpec = {
  ...membersV0,
  schema: {
    ...membersV0.schema,
    version: 1,
    properties: { ...membersV0.schema.properties, nickname: { type: 'string', maxLength: 20 } },
    required: [...membersV0.schema.required, 'nickname'],
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
    it(`migrates stored members from v0 to v1 on ${label}`, async () => {
      const name = `migrate-${label}-${Date.now()}`;
      const old = await createDatabase({ storage, name, devChecks: true, collections: [membersV0] });
      const member = makeMember({ name: '陈师傅' });
      await old.members.insert(member);
      await old.close();

      const migrated = await createDatabase({
        storage,
        name,
        devChecks: true,
        collections: [membersV1],
        migrations: { members: { 1: (doc: Record<string, unknown>) => ({ ...doc, nickname: String(doc.name).slice(0, 1) }) } },
      });
      const doc = await migrated.members.findOne(member.id).exec();
      expect(doc?.toJSON()).toMatchObject({ id: member.id, name: '陈师傅', nickname: '陈' });
      await migrated.remove();
    });
  }
});
