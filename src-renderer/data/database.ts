/**
 * The desk's local database: RxDB with one collection per entry of the shared registry.
 * `data/` is the only renderer folder that imports RxDB; features use repositories.
 *
 * Dev-mode checks (schema validation with ajv, which needs `eval`) load only in development
 * and tests: the production build runs under a CSP without 'unsafe-eval' and never includes them.
 */
import { addRxPlugin, createRxDatabase, type MigrationStrategies, type RxCollection, type RxDatabase, type RxJsonSchema, type RxStorage } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { COLLECTIONS, type CollectionDocs, type CollectionName, type CollectionSpec } from '../../shared/schemas/index';
import { conflictHandlerFor } from './conflict-handlers';
import { MIGRATION_STRATEGIES } from './migrations';
import type { PiiKeys } from './pii-keys';
import { piiSealedStorage } from './pii-storage';

export type DeskCollections = { [C in CollectionName]: RxCollection<CollectionDocs[C]> };
export type DeskDatabase = RxDatabase<DeskCollections>;

export interface CreateDatabaseOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  storage: RxStorage<any, any>;
  /** Database name; one per station desk profile. */
  name?: string;
  /** Validate every write against the schema (dev and tests only; needs eval). */
  devChecks?: boolean;
  /** Several tabs of the web build share one database. */
  multiInstance?: boolean;
  /** Collections and migrations; default: the shared registry. Overridden only by migration tests. */
  collections?: readonly CollectionSpec[];
  migrations?: Partial<Record<CollectionName, MigrationStrategies>>;
  /**
   * Keys that seal member PII at rest (pii-storage.ts). The desk always passes them (main.tsx);
   * without them (tests that are not about PII) members are stored plain.
   */
  pii?: PiiKeys;
  /** Told how far an upgrade of stored documents has come (a big roster takes minutes). */
  onMigrationProgress?: (progress: MigrationProgress) => void;
}

export interface MigrationProgress {
  collection: CollectionName;
  handled: number;
  total: number;
}

/**
 * Documents per migration batch. RxDB's default (200) made a 200,000-member roster take minutes
 * with one durable commit per batch; larger batches commit far less often.
 */
export const MIGRATION_BATCH_SIZE = 2_000;

let pluginsAdded = false;

const addPlugins = async (devChecks: boolean): Promise<void> => {
  if (pluginsAdded) return;
  pluginsAdded = true;
  addRxPlugin(RxDBMigrationSchemaPlugin);
  // Sync status and rejected rows live in local documents: never replicated, not a collection.
  addRxPlugin(RxDBLocalDocumentsPlugin);
  if (import.meta.env.DEV && devChecks) {
    const { RxDBDevModePlugin, disableWarnings } = await import('rxdb/plugins/dev-mode');
    disableWarnings();
    addRxPlugin(RxDBDevModePlugin);
  }
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const withValidation = async (storage: RxStorage<any, any>, devChecks: boolean) => {
  if (!(import.meta.env.DEV && devChecks)) return storage;
  const { wrappedValidateAjvStorage } = await import('rxdb/plugins/validate-ajv');
  return wrappedValidateAjvStorage({ storage });
};

export const createDatabase = async (options: CreateDatabaseOptions): Promise<DeskDatabase> => {
  const devChecks = options.devChecks ?? import.meta.env.DEV;
  await addPlugins(devChecks);
  const db = await createRxDatabase<DeskCollections>({
    name: options.name ?? 'station-desk',
    // validation sees the plain documents; sealing happens below it, just above IndexedDB
    storage: await withValidation(options.pii ? piiSealedStorage({ storage: options.storage, keys: options.pii }) : options.storage, devChecks),
    multiInstance: options.multiInstance ?? false,
    eventReduce: true,
    closeDuplicates: true,
    localDocuments: true,
  });
  const migrations = options.migrations ?? MIGRATION_STRATEGIES;
  const creators = Object.fromEntries(
    (options.collections ?? COLLECTIONS).map((spec) => [
      spec.name,
      {
        schema: spec.schema as unknown as RxJsonSchema<unknown>,
        migrationStrategies: migrations[spec.name] ?? {},
        conflictHandler: conflictHandlerFor(spec.name),
        // migrated below, in big batches, with progress
        autoMigrate: false,
      },
    ]),
  );
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  await db.addCollections(creators as any);
  for (const name of Object.keys(creators) as CollectionName[]) {
    const collection = db.collections[name];
    if (!(await collection.migrationNeeded())) continue;
    const state = collection.getMigrationState();
    const sub = state.$.subscribe((status) =>
      options.onMigrationProgress?.({ collection: name, handled: status.count.handled, total: status.count.total }),
    );
    try {
      await state.migratePromise(MIGRATION_BATCH_SIZE);
    } finally {
      sub.unsubscribe();
    }
  }
  return db;
};
