/**
 * The three stores of the scan benchmark, in the browser, on IndexedDB, holding the same data:
 *  - ours: the desk's real database (`createDatabase` on the Dexie storage with strict durability,
 *    the very database the app opens on a desk not enrolled) and its repositories;
 *  - raw Dexie 4.4.2 (the version RxDB pins), tables with the same indexes, strict durability;
 *  - PouchDB 9 (pouchdb-browser, its IndexedDB adapter) with a mango index on cardNo (pouchdb-find).
 * The data path of a scan is the same on each: the member by card number, then a check-in inserted,
 * resolved when the insert has committed.
 */
import Dexie from 'dexie';
import PouchDB from 'pouchdb-browser';
import find from 'pouchdb-find';
import { createDatabase, createRepositories, databaseNameFor, dexieStorage, type DeskDatabase, type Repositories } from '../../../src-renderer/data/index';
import type { CheckInDoc, MemberDoc } from '../../../shared/schemas/index';

PouchDB.plugin(find);

export type StoreName = 'ours' | 'dexie' | 'pouchdb';
export const STORE_NAMES: readonly StoreName[] = ['ours', 'dexie', 'pouchdb'];

export interface BenchStore {
  name: StoreName;
  counts(): Promise<{ members: number; checkins: number }>;
  addMembers(docs: MemberDoc[]): Promise<void>;
  addCheckIns(docs: CheckInDoc[]): Promise<void>;
  /** Called once after loading (PouchDB builds its mango index on the first query). */
  ready(): Promise<void>;
  /** The data path of a scan; resolves once the check-in is durable. Returns whether the card was found. */
  scan(card: string, doc: (memberId: string) => CheckInDoc): Promise<boolean>;
  close(): Promise<void>;
}

/** The database the app opens on a desk that is not enrolled (src-renderer/main.tsx). */
export const OUR_DATABASE = databaseNameFor('');

/** IndexedDB database names each store uses (to wipe a store whose load did not finish). */
export const DATABASE_PREFIXES: Record<StoreName, string[]> = {
  ours: [`rxdb-dexie-${OUR_DATABASE}--`],
  dexie: ['bench-dexie'],
  pouchdb: ['_pouch_bench-pouch-', 'bench-pouch-'],
};

const ours = async (): Promise<BenchStore & { repos: Repositories; db: DeskDatabase }> => {
  const db = await createDatabase({ storage: dexieStorage(), name: OUR_DATABASE, multiInstance: true, devChecks: false });
  const repos = createRepositories(db);
  return {
    name: 'ours',
    db,
    repos,
    counts: async () => ({ members: await repos.members.count(), checkins: await db.checkins.count().exec() }),
    async addMembers(docs) {
      await repos.members.bulkInsert(docs);
    },
    async addCheckIns(docs) {
      const result = await db.checkins.bulkInsert(docs);
      const failed = result.error.filter((e) => e.status !== 409);
      if (failed.length) throw new Error(`ours: ${failed.length} check-ins not inserted (${failed[0]?.status})`);
    },
    ready: async () => undefined,
    async scan(card, doc) {
      const member = await repos.members.findByCard(card);
      await repos.checkins.record(doc(member?.id ?? ''));
      return member !== null;
    },
    close: () => db.close().then(() => undefined),
  };
};

class DexieBench extends Dexie {
  members!: Dexie.Table<MemberDoc, string>;
  checkins!: Dexie.Table<CheckInDoc, string>;
  constructor() {
    super('bench-dexie', { chromeTransactionDurability: 'strict' });
    // the indexes of shared/schemas: members cardNo, phoneTail; checkins at, [memberId+at]
    this.version(1).stores({ members: 'id, cardNo, phoneTail', checkins: 'id, at, [memberId+at]' });
  }
}

const dexie = async (): Promise<BenchStore> => {
  const db = new DexieBench();
  await db.open();
  return {
    name: 'dexie',
    counts: async () => ({ members: await db.members.count(), checkins: await db.checkins.count() }),
    async addMembers(docs) {
      await db.members.bulkPut(docs);
    },
    async addCheckIns(docs) {
      await db.checkins.bulkPut(docs);
    },
    ready: async () => undefined,
    async scan(card, doc) {
      const [member] = await db.members.where('cardNo').equals(card).toArray();
      await db.checkins.add(doc(member?.id ?? ''));
      return member !== undefined;
    },
    close: async () => db.close(),
  };
};

const pouch = async (): Promise<BenchStore> => {
  const members = new PouchDB('bench-pouch-members');
  const checkins = new PouchDB('bench-pouch-checkins');
  await members.createIndex({ index: { fields: ['cardNo'] } });
  const bulk = async (db: PouchDB, docs: { id: string }[]) => {
    const results = await db.bulkDocs(docs.map((d) => ({ _id: d.id, ...d })));
    const failed = results.filter((r) => 'error' in r && r.error !== 'conflict');
    if (failed.length) throw new Error(`pouchdb: ${failed.length} documents not written`);
  };
  return {
    name: 'pouchdb',
    counts: async () => ({ members: (await members.info()).doc_count - 1, checkins: (await checkins.info()).doc_count }),
    addMembers: (docs) => bulk(members, docs),
    addCheckIns: (docs) => bulk(checkins, docs),
    async ready() {
      await members.find({ selector: { cardNo: '0' }, limit: 1 });
    },
    async scan(card, doc) {
      const { docs: found } = await members.find({ selector: { cardNo: card } });
      const member = found[0] as MemberDoc | undefined;
      const record = doc(member?.id ?? '');
      await checkins.put({ _id: record.id, ...record });
      return member !== undefined;
    },
    async close() {
      await members.close();
      await checkins.close();
    },
  };
};

export const openStore = (name: StoreName): Promise<BenchStore> => (name === 'ours' ? ours() : name === 'dexie' ? dexie() : pouch());
export const openOurs = ours;
