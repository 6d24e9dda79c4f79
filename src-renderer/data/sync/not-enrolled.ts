/** The sync service of a desk that is not enrolled: nothing to sync with, nothing pending. */
import { COLLECTION_NAMES, type CollectionName } from '../../../shared/schemas/index';
import type { CollectionProgress, SyncService, SyncStatus } from './sync-status';

export const notEnrolledSync = (): SyncService => {
  const byCollection = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, { received: 0, remaining: null, done: false }])) as Record<
    CollectionName,
    CollectionProgress
  >;
  const status: SyncStatus = {
    state: 'not-enrolled',
    leader: false,
    live: false,
    pending: 0,
    lastSyncAt: null,
    lastError: null,
    initialSync: { active: false, collectionsDone: 0, collectionsTotal: COLLECTION_NAMES.length, received: 0, remaining: null, percent: 0, byCollection },
    rejected: [],
  };
  return {
    current: () => status,
    subscribe(listener) {
      listener(status);
      return () => undefined;
    },
    resync: () => undefined,
  };
};
