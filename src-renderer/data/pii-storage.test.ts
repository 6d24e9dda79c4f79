// Member PII sealed at rest (pii-storage.ts, docs/security.md): what reaches IndexedDB, the
// migration of rows stored plain before, queries that cannot work on sealed fields, another key.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { makeMember } from '../../tests/support/builders/index';
import { collectionSpec } from '../../shared/schemas/index';
import { fillWithDefaultSettings, getRxReplicationMetaInstanceSchema, type RxDocumentData, type RxJsonSchema } from 'rxdb';
import { createDatabase } from './database';
import { piiSealedStorage } from './pii-storage';
import { testPiiKeys } from './pii-keys.test-util';
import { memberRepository } from './repositories/members';
import { dexieStorage } from './storage';

const storage = () => dexieStorage({ indexedDB, IDBKeyRange });
const CHEN = makeMember({ name: '陈师傅', phoneMasked: '139****8642', phoneTail: '8642', cardNo: '310000000777', category: 'courier' });

const idbRequest = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

/** Everything stored in IndexedDB under databases whose name contains `name`, as text: what a copy of the profile shows. */
const storedText = async (name: string): Promise<string> => {
  const texts: string[] = [];
  for (const info of await indexedDB.databases()) {
    if (!info.name?.includes(name)) continue;
    const db = await idbRequest(indexedDB.open(info.name));
    for (const store of Array.from(db.objectStoreNames)) {
      texts.push(JSON.stringify(await idbRequest(db.transaction(store, 'readonly').objectStore(store).getAll())));
    }
    db.close();
  }
  return texts.join('\n');
};

/** members as shipped at v1: stored plain. */
const members = collectionSpec('members');
const membersV1 = { ...members, schema: { ...members.schema, version: 1 } };

describe('member PII at rest', () => {
  it('stores name, phone and category sealed, card number plain; the desk reads them back whole', async () => {
    const name = `pii-rest-${Date.now()}`;
    const db = await createDatabase({ storage: storage(), name, devChecks: true, collections: [members], pii: await testPiiKeys() });
    const repos = { members: memberRepository(db.members) };
    await repos.members.upsert(CHEN);
    const text = await storedText(name);
    expect(text).toContain('310000000777');
    for (const personal of ['陈师傅', '139****8642', '"8642"', '"category":"courier"']) expect(text).not.toContain(personal);
    expect(await repos.members.findByCard('310000000777')).toMatchObject({ name: '陈师傅', phoneMasked: '139****8642', phoneTail: '8642', category: 'courier' });
    expect((await repos.members.search('8642')).map((m) => m.id)).toEqual([CHEN.id]);
    expect((await repos.members.search('陈')).map((m) => m.id)).toEqual([CHEN.id]);
    await db.remove();
  });

  it('seals rows stored plain before (members v1) when the desk opens with the new version', async () => {
    const name = `pii-migrate-${Date.now()}`;
    const old = await createDatabase({ storage: storage(), name, devChecks: true, collections: [membersV1], migrations: { members: { 1: (doc: unknown) => doc } } });
    await old.members.bulkInsert([CHEN, makeMember({ name: '周阿姨', phoneTail: '1234', cardNo: '310000000778' })]);
    await old.close();
    expect(await storedText(name)).toContain('陈师傅');

    const keys = await testPiiKeys();
    const db = await createDatabase({ storage: storage(), name, devChecks: true, collections: [members], pii: keys });
    const text = await storedText(name);
    for (const personal of ['陈师傅', '周阿姨', '139****8642']) expect(text).not.toContain(personal);
    const repos = { members: memberRepository(db.members) };
    expect(await repos.members.count()).toBe(2);
    expect(await repos.members.findByCard('310000000777')).toMatchObject({ name: '陈师傅' });
    expect((await repos.members.search('1234')).map((m) => m.name)).toEqual(['周阿姨']);
    await db.close();

    // and it stays sealed: the next start reads the same rows with the same key
    const again = await createDatabase({ storage: storage(), name, devChecks: true, collections: [members], pii: keys });
    expect(await memberRepository(again.members).findByCard('310000000778')).toMatchObject({ name: '周阿姨' });
    await again.remove();
  });

  it("seals RxDB's replication copy of each member (its assumed master state) whole", async () => {
    const name = `pii-meta-${Date.now()}`;
    const keys = await testPiiKeys();
    const memberJson = fillWithDefaultSettings(members.schema as unknown as RxJsonSchema<RxDocumentData<unknown>>);
    const params = {
      databaseName: name,
      collectionName: 'rx-replication-meta-0123abcd',
      databaseInstanceToken: 'token',
      multiInstance: false,
      options: {},
      devMode: false,
      schema: getRxReplicationMetaInstanceSchema(memberJson, false) as unknown as RxJsonSchema<RxDocumentData<Record<string, unknown>>>,
    };
    const meta = await piiSealedStorage({ storage: storage(), keys }).createStorageInstance<Record<string, unknown>>(params);
    const row = { id: `${CHEN.id}|0`, isCheckpoint: '0', itemId: CHEN.id, docData: { ...CHEN, _deleted: false }, _deleted: false, _attachments: {}, _rev: '1-a', _meta: { lwt: 1 } } as RxDocumentData<Record<string, unknown>>;
    expect((await meta.bulkWrite([{ document: row }], 'test')).error).toEqual([]);
    const text = await storedText(name);
    expect(text).toContain(CHEN.id);
    expect(text).not.toContain('陈师傅');
    expect((await meta.findDocumentsById([`${CHEN.id}|0`], false))[0]).toMatchObject({ docData: { name: '陈师傅', phoneTail: '8642' } });
    await meta.remove();
  });

  it('refuses a query it could only answer wrongly (inside a sealed field)', async () => {
    const db = await createDatabase({ storage: storage(), name: `pii-query-${Date.now()}`, devChecks: true, collections: [members], pii: await testPiiKeys() });
    await db.members.insert(CHEN);
    await expect(db.members.find({ selector: { name: { $regex: '陈' } } }).exec()).rejects.toThrow(/sealed/);
    await expect(db.members.find({ selector: { phoneTail: { $gt: '8000' } } }).exec()).rejects.toThrow(/exact match/);
    await expect(db.members.find({ selector: { category: 'courier' } }).exec()).rejects.toThrow(/sealed/);
    await expect(db.members.find({ selector: {}, sort: [{ name: 'asc' }] }).exec()).rejects.toThrow(/sealed/);
    expect(await db.members.count({ selector: { phoneTail: '8642' } }).exec()).toBe(1);
    await db.remove();
  });

  it('does not open with another key (a copied profile on another desk reads nothing)', async () => {
    const name = `pii-key-${Date.now()}`;
    const db = await createDatabase({ storage: storage(), name, devChecks: true, collections: [members], pii: await testPiiKeys() });
    await db.members.insert(CHEN);
    await db.close();
    const other = await createDatabase({ storage: storage(), name, devChecks: true, collections: [members], pii: await testPiiKeys() });
    await expect(other.members.findOne(CHEN.id).exec()).rejects.toThrow();
    expect(await other.members.count({ selector: { phoneTail: '8642' } }).exec()).toBe(0);
    await other.remove();
  });
});
