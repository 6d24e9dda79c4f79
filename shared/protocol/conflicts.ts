/**
 * How a desk resolves a conflict the server reported (docs/sync-protocol.md, "Conflicts").
 * Pure functions over wire documents; the desk's RxDB conflict handlers call them.
 *
 * `serverRev` is the server's stamp, not content: `sameDocument` ignores it, so the server treats
 * a retried push of what it already holds as no conflict. The desk's RxDB `isEqual` must NOT
 * ignore it (`sameState`): otherwise a pulled state that only carries a new serverRev would never
 * reach the local store, and every later edit would conflict.
 */
import type { CollectionName } from '../schemas/index';
import { collectionSpec } from '../schemas/index';

type Doc = Record<string, unknown> & { _deleted?: boolean };

export interface ConflictInput<D extends Doc = Doc> {
  /** What the desk believed the server held; undefined for a document new to the desk. */
  assumedMasterState?: D;
  /** What the server actually holds. */
  realMasterState: D;
  /** The desk's state that was refused. */
  newDocumentState: D;
}

const IGNORED_FIELDS = new Set(['serverRev', '_meta', '_rev', '_attachments']);

const deepEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const key of keys) if (!deepEqual(ao[key], bo[key])) return false;
  return true;
};

/** Equal as documents: every field but the server's stamp and storage metadata. */
export const sameDocument = (a: Doc, b: Doc): boolean => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (IGNORED_FIELDS.has(key)) continue;
    const av = key === '_deleted' ? Boolean(a[key]) : a[key];
    const bv = key === '_deleted' ? Boolean(b[key]) : b[key];
    if (!deepEqual(av, bv)) return false;
  }
  return true;
};

/** Exactly equal states, server stamp included (storage metadata aside). */
export const sameState = (a: Doc, b: Doc): boolean => sameDocument(a, b) && a.serverRev === b.serverRev;

const laterTimestamp = (a: unknown, b: unknown): string | null => {
  const as = typeof a === 'string' ? a : null;
  const bs = typeof b === 'string' ? b : null;
  if (as === null) return bs;
  if (bs === null) return as;
  return as >= bs ? as : bs;
};

const isClosing = (doc: Doc) => doc.checkOutMethod === 'closing';

/**
 * A check-out's fields, taken together from one side: when, how, and by whom. A side from before
 * `checkedOutBy` existed names no one (null), never the other side's person.
 */
const checkOutOf = (doc: Doc, master: Doc): Doc => ({
  checkedOutAt: doc.checkedOutAt,
  checkOutMethod: doc.checkOutMethod,
  ...(doc.checkedOutBy === undefined && master.checkedOutBy === undefined ? {} : { checkedOutBy: doc.checkedOutBy ?? null }),
});

/**
 * Check-ins: the record is immutable; the check-out merges. A real check-out (by scan or by
 * hand) beats the automatic one at closing time, which a desk offline all evening may stamp on a
 * visit another desk already closed; between two of a kind, the latest wins.
 */
const resolveCheckIn = ({ realMasterState: master, newDocumentState: mine }: ConflictInput): Doc => {
  if (master.checkedOutAt && mine.checkedOutAt && isClosing(master) !== isClosing(mine)) {
    return { ...master, ...checkOutOf(isClosing(master) ? mine : master, master) };
  }
  const checkedOutAt = laterTimestamp(master.checkedOutAt, mine.checkedOutAt);
  return { ...master, ...checkOutOf(checkedOutAt === master.checkedOutAt ? master : mine, master) };
};

const STAFF_ACTIONS = new Set(['cancelled', 'attended', 'no-show']);

/**
 * Bookings: the server's verdict wins, but a staff action taken offline (cancel, attended,
 * no-show, acknowledging a verdict) is re-applied on top of it and pushed again, so the server
 * can decide on it: nothing staff did is dropped silently. One exception: a no-show release
 * never overrides attendance recorded elsewhere (two desks, one checked the member in while the
 * other released the booking offline): the member came, and that fact wins.
 */
const resolveBooking = ({ realMasterState: master, newDocumentState: mine, assumedMasterState: assumed }: ConflictInput): Doc => {
  const resolved: Doc = { ...master };
  const staffChangedStatus = mine.status !== assumed?.status && STAFF_ACTIONS.has(String(mine.status));
  const releasesAttended = mine.status === 'no-show' && master.status === 'attended';
  if (staffChangedStatus && !releasesAttended && master.status !== 'cancelled' && master.status !== mine.status) {
    resolved.status = mine.status;
    resolved.reason = mine.reason;
    resolved.decidedBy = 'desk';
    resolved.checkInId = mine.checkInId;
  }
  if (master.ack === null && mine.ack !== null && mine.ack !== undefined) resolved.ack = mine.ack;
  return resolved;
};

/** Fields the server always wins on in a field merge. */
const SERVER_WINS = new Set(['status', 'validUntil', 'stationId', 'id', 'source', 'cardNo', 'phoneTail', 'phoneMasked']);

/** Field by field: what the desk changed since its assumed master state survives, unless the server owns it. */
const resolveFieldMerge = ({ realMasterState: master, newDocumentState: mine, assumedMasterState: assumed }: ConflictInput): Doc => {
  const resolved: Doc = { ...master };
  for (const [key, value] of Object.entries(mine)) {
    if (SERVER_WINS.has(key) || IGNORED_FIELDS.has(key) || key === '_deleted') continue;
    const changedByDesk = assumed === undefined ? !deepEqual(value, master[key]) : !deepEqual(value, assumed[key]);
    if (changedByDesk) resolved[key] = value;
  }
  return resolved;
};

/** Resolves a conflict for a collection by its policy. The result is written on the desk and pushed again. */
export const resolveConflict = (collection: CollectionName, input: ConflictInput): Doc => {
  const { realMasterState: master, assumedMasterState: assumed, newDocumentState: mine } = input;
  if (master._deleted) return master;
  // The server only re-stamped what the desk already knew (a push accepted, its pull not yet
  // arrived): the desk's newer edit is not a conflict at all; it wins, carrying the new stamp.
  if (assumed && sameDocument(assumed, master) && collectionSpec(collection).deskWritable) {
    return { ...mine, serverRev: master.serverRev };
  }
  switch (collectionSpec(collection).conflictPolicy) {
    case 'append-only':
      return collection === 'checkins' ? resolveCheckIn(input) : input.realMasterState;
    case 'server-authoritative':
      return resolveBooking(input);
    case 'field-merge':
      return resolveFieldMerge(input);
    case 'server-only':
      return input.realMasterState;
  }
};
