/** RxDB conflict handlers built from the shared per-collection policies (shared/protocol/conflicts). */
import type { RxConflictHandler, WithDeleted } from 'rxdb';
import { resolveConflict, sameState } from '../../shared/protocol/conflicts';
import type { CollectionDocs, CollectionName } from '../../shared/schemas/index';

type Loose = Record<string, unknown> & { _deleted?: boolean };

export const conflictHandlerFor = <C extends CollectionName>(collection: C): RxConflictHandler<CollectionDocs[C]> => ({
  isEqual: (a, b) => sameState(a as unknown as Loose, b as unknown as Loose),
  resolve: async (input) =>
    resolveConflict(collection, {
      realMasterState: input.realMasterState as unknown as Loose,
      newDocumentState: input.newDocumentState as unknown as Loose,
      ...(input.assumedMasterState ? { assumedMasterState: input.assumedMasterState as unknown as Loose } : {}),
    }) as unknown as WithDeleted<CollectionDocs[C]>,
});
