/**
 * Splits a push into requests the server accepts: at most PUSH_BATCH_MAX rows and well under
 * BODY_LIMIT_BYTES each. RxDB hands over up to `push.batchSize` rows (500, for fast catch-up),
 * but an equipment log may carry a 300 kB photo: a 413 would be retried forever and block the
 * queue. A single row too large on its own still goes alone (the server says what it thinks).
 */
import { BODY_LIMIT_BYTES, PUSH_BATCH_MAX } from '../../../shared/protocol/messages';

/** Leaves room for the envelope and for a server that counts a little differently. */
export const PUSH_BODY_TARGET_BYTES = Math.floor(BODY_LIMIT_BYTES * 0.75);

const encoder = new TextEncoder();

export const splitPushRows = <R>(rows: R[], maxBytes = PUSH_BODY_TARGET_BYTES, maxRows = PUSH_BATCH_MAX): R[][] => {
  const batches: R[][] = [];
  let current: R[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = encoder.encode(JSON.stringify(row)).length + 1;
    if (current.length > 0 && (bytes + size > maxBytes || current.length >= maxRows)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
};
