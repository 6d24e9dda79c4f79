/**
 * Schema migrations of the local database. When a collection's schema `version` goes from
 * N-1 to N, add `N: (oldDoc) => newDoc` under its name; RxDB migrates stored documents on open.
 * Every strategy must be pure and total: a desk may skip several versions after being offline.
 */
import type { MigrationStrategies } from 'rxdb';
import type { CollectionName } from '../../shared/schemas/index';

export const MIGRATION_STRATEGIES: Partial<Record<CollectionName, MigrationStrategies>> = {
  // v1 adds an index on `source`; v2 stores the personal fields sealed (pii-storage.ts): the
  // documents are unchanged, the migration rewrites every stored row through the sealing storage
  members: { 1: (doc: unknown) => doc, 2: (doc: unknown) => doc },
  // v1 adds the optional `checkedOutBy`; earlier check-outs keep none (who ended them is unknown)
  checkins: { 1: (doc: unknown) => doc },
};
