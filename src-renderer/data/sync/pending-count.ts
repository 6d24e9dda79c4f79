/**
 * How many local writes of one collection are not yet on the server. RxDB 17 has no API for
 * this, so it mirrors the upstream's own test (replication-protocol/upstream.ts): a document
 * changed since the upstream checkpoint is pending unless it equals its assumed master state
 * (what the server is known to hold). Works only where the replication runs (the leader tab),
 * and reads only: it must not call getLastCheckpointDoc(), which mutates the replication state.
 * Documents in a failing push stay pending (the checkpoint does not move past them); rejected
 * rows count as done (they are in the quarantine instead).
 */
import {
  getAssumedMasterState,
  getChangedDocumentsSince,
  getComposedPrimaryKeyOfDocumentData,
  writeDocToDocState,
  type RxDocumentData,
  type RxStorageInstanceReplicationState,
} from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';

const PAGE = 500;

/** Pending local writes of one replication, or null when it is not running in this tab. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const pendingPushCount = async (replication: RxReplicationState<any, any>): Promise<number | null> => {
  const state = replication.internalReplicationState as RxStorageInstanceReplicationState<Record<string, unknown>> | undefined;
  if (!state || replication.isStopped()) return null;
  const { metaInstance, forkInstance, conflictHandler } = state.input;
  const checkpointId = getComposedPrimaryKeyOfDocumentData(metaInstance.schema, { itemId: 'up', isCheckpoint: '1' });
  let checkpoint: unknown = (await metaInstance.findDocumentsById([checkpointId], false))[0]?.checkpointData;
  let pending = 0;
  for (;;) {
    const page = await getChangedDocumentsSince(forkInstance, PAGE, checkpoint);
    if (page.documents.length === 0) return pending;
    const ids = page.documents.map((doc) => String((doc as Record<string, unknown>)[state.primaryPath]));
    const assumed = await getAssumedMasterState(state, ids);
    page.documents.forEach((doc, i) => {
      const master = assumed[ids[i]!];
      const mine = writeDocToDocState(doc as RxDocumentData<Record<string, unknown>>, state.hasAttachments, false);
      if (!master || !conflictHandler.isEqual(master.docData, mine, 'station-desk-pending-count')) pending++;
    });
    if (page.documents.length < PAGE) return pending;
    checkpoint = page.checkpoint;
  }
};
