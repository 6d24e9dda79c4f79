/**
 * Applies a desk's push batch (docs/sync-protocol.md) in one transaction under the station lock:
 * - a row equal to what the server holds (ignoring the server stamp) is a no-op: retries of a
 *   push whose response was lost change nothing, and client-made ids make inserts idempotent;
 * - a row whose assumed master state carries the current `serverRev` applies (exact conflict
 *   detection: a revision, never a timestamp);
 * - any other row is a conflict: the current master state goes back to the desk;
 * - invalid rows (schema, another station, immutable fields) are returned in `rejected` and the
 *   rest of the batch still applies, so one bad document never blocks a desk's queue;
 * - ids are station-scoped (docs/sync-protocol.md, "Ids"): a row is looked up only among its own
 *   station's documents, so no answer says whether an id exists at another station;
 * - collections with server authority (bookings) get the server's verdict written in, and an
 *   authority may change documents of another collection in the same transaction (equipment
 *   faults flag bookings).
 */
import type { PushResponse, PushRow, RejectedRow, WireDoc } from '../../../shared/protocol/messages';
import { sameDocument } from '../../../shared/protocol/conflicts';
import { collectionSpec, ID_MAX_LENGTH, type CollectionName } from '../../../shared/schemas/index';
import { isDocId } from '../../../shared/ids';
import type { Database } from '../../db/database';
import type { DeviceContext } from '../../crypto/tokens';
import { ApiError } from '../../errors';
import { AUTHORITIES } from './authority';
import { docProblem } from './doc-validation';
import type { StationHint } from '../../db/hints';
import { immutableChange } from './immutability';
import { cardHolders, memberChangeProblem } from './member-rules';
import { chargeQuota, measureWrites } from './quotas';
import type { PushQuotas } from '../../config';
import { loadStationStaff, staffProblem } from './staff-rules';
import { loadDocs, lockStation, toWire, writeLocked, type DocWrite, type StoredDoc } from '../../repositories/sync-store';

export interface PushResult extends PushResponse {
  /** What the push changed, per collection: queued on its transaction and published after commit. */
  hints: StationHint[];
}

interface Candidate {
  row: PushRow;
  doc: Record<string, unknown>;
  current: StoredDoc | undefined;
}

const reject = (id: unknown, code: RejectedRow['code'], message: string): RejectedRow => ({ id: typeof id === 'string' ? id : '', code, message });

/** A bad id goes back so the desk can match its row, but never longer than any id could be. */
const BAD_ID_ECHO = 4 * ID_MAX_LENGTH;
/** Shown in a message: printable ASCII as is, anything else (line breaks, bidi) as \uXXXX. */
const visible = (text: string) => text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const rejectBadId = (id: unknown, what: string, value: unknown): RejectedRow => ({
  id: typeof id === 'string' ? id.slice(0, BAD_ID_ECHO) : '',
  code: 'BAD_ID',
  message: `${what} "${visible(typeof value === 'string' ? value.slice(0, BAD_ID_ECHO) : typeof value)}" is not an id: 1–${ID_MAX_LENGTH} letters, digits, '-' or '_', starting with a letter or digit`,
});

/** Checks that need no database: shape, schema, station scope, duplicates in the batch. */
const screenRows = (collection: CollectionName, device: DeviceContext, rows: readonly PushRow[]) => {
  const accepted: PushRow[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const doc = row?.newDocumentState as unknown as Record<string, unknown> | undefined;
    const id = doc?.id;
    const problem = isDocId(id) && isDocId(doc!.stationId) ? docProblem(collection, doc) : null;
    if (!isDocId(id)) rejected.push(rejectBadId(id, 'Document id', id));
    else if (!isDocId(doc!.stationId)) rejected.push(rejectBadId(id, 'Station id', doc!.stationId));
    else if (problem) rejected.push(reject(id, 'SCHEMA_VIOLATION', `${collection} ${String(id ?? '?')}: ${problem}`));
    else if (doc!.stationId !== device.stationId) rejected.push(reject(id, 'WRONG_STATION', `Document belongs to station ${String(doc!.stationId)}, this desk to ${device.stationId}`));
    else if (seen.has(id as string)) rejected.push(reject(id, 'BAD_REQUEST', `Document ${String(id)} appears twice in one batch`));
    else if (row.assumedMasterState !== null && (typeof row.assumedMasterState !== 'object' || (row.assumedMasterState as { id?: unknown }).id !== id)) {
      rejected.push(reject(id, 'BAD_REQUEST', `assumedMasterState of ${String(id)} is not a state of the same document`));
    } else {
      seen.add(id as string);
      accepted.push(row);
    }
  }
  return { accepted, rejected };
};

export const applyPush = async (
  db: Database,
  device: DeviceContext,
  collection: CollectionName,
  rows: readonly PushRow[],
  now: number,
  /** Upload allowances per station day (quotas.ts); none: unlimited (server-side tools, tests of other rules). */
  options: { quotas?: PushQuotas } = {},
): Promise<PushResult> => {
  const spec = collectionSpec(collection);
  if (!spec.deskWritable) throw new ApiError(403, 'READ_ONLY_COLLECTION', `Desks cannot write ${collection}; it is kept by the server`);
  const { accepted, rejected } = screenRows(collection, device, rows);
  const conflicts: WireDoc[] = [];
  const hints: StationHint[] = [];

  await db.transaction(async (tx) => {
    await lockStation(tx, device.stationId);
    const ids = accepted.map((r) => r.newDocumentState.id);
    // one connection per transaction: queries run one after another
    const current = await loadDocs(tx, device.stationId, collection, ids);
    const cards = collection === 'members' ? await cardHolders(tx, device.stationId, accepted.map((r) => r.newDocumentState as unknown as Record<string, unknown>)) : null;
    const staff = await loadStationStaff(tx, device.stationId, collection);
    const candidates: Candidate[] = [];
    for (const row of accepted) {
      const doc = row.newDocumentState as unknown as Record<string, unknown>;
      const id = doc.id as string;
      const stored = current.get(id);
      if (stored) {
        const master = toWire(stored) as unknown as Record<string, unknown>;
        if (sameDocument(doc, master)) continue; // a retry of what is already here
        const assumedRev = (row.assumedMasterState as unknown as { serverRev?: unknown } | null)?.serverRev;
        if (assumedRev !== stored.seq) {
          conflicts.push(master as unknown as WireDoc);
          continue;
        }
        const violation = immutableChange(collection, master, doc);
        if (violation) {
          rejected.push(reject(id, 'APPEND_ONLY_VIOLATION', violation));
          continue;
        }
      }
      const storedMember = stored && cards ? (toWire(stored) as unknown as Record<string, unknown>) : null;
      const memberProblem = cards ? memberChangeProblem(storedMember, doc, now) : null;
      const cardProblem = cards && !memberProblem ? cards.claim(storedMember, doc) : null;
      if (memberProblem || cardProblem) {
        rejected.push(memberProblem ? reject(id, 'FORBIDDEN', memberProblem) : reject(id, 'CARD_TAKEN', cardProblem!));
        continue;
      }
      const staffIssue = staffProblem(collection, staff, device.deviceId, stored ? (toWire(stored) as unknown as Record<string, unknown>) : null, doc);
      if (staffIssue) {
        rejected.push(reject(id, staffIssue.code, staffIssue.message));
        continue;
      }
      candidates.push({ row, doc, current: stored });
    }

    if (options.quotas) {
      const measured = measureWrites(candidates.map(({ doc, current: stored }) => ({ doc, stored: stored?.data ?? null })));
      await chargeQuota(tx, options.quotas, device, now, measured);
    }
    const writes: DocWrite[] = candidates.map(({ doc }) => {
      const { _deleted, ...data } = doc;
      return { id: data.id as string, deleted: _deleted === true, data };
    });
    const authority = AUTHORITIES[collection];
    const decided = authority ? await authority(tx, device.stationId, writes, now) : { writes };
    const hint = await writeLocked(tx, device.stationId, collection, decided.writes, device.deviceId);
    if (hint) hints.push(hint);
    for (const other of decided.others ?? []) {
      const otherHint = await writeLocked(tx, device.stationId, other.collection, other.writes, device.deviceId);
      if (otherHint) hints.push(otherHint);
    }
  });
  return { conflicts, rejected, hints };
};
