/**
 * The sync protocol version, sent by desks in the `x-station-desk-protocol` header of every
 * request. The server refuses other versions with CLIENT_TOO_OLD / SERVER_TOO_OLD.
 *
 * History:
 * - 1 (2026-11): first version. Per-station commit-ordered checkpoints `{ seq }`; push rows
 *   `{ newDocumentState, assumedMasterState }` with exact conflicts on `serverRev`; invalid rows
 *   returned in `rejected` (the rest of the batch applies); one SSE stream of hints per desk.
 *   Later gained, as optional fields (a request without them is answered as before):
 *   - the checkpoint `epoch` (`{ seq, epoch }`; a restored or new database answers from seq 0);
 *   - the pull's `remaining` (asked with `count=1`) and `more` (page cut short by size);
 *   - the refresh-token cookie (`x-token-delivery: cookie` on enroll/refresh: HttpOnly cookie,
 *     `refreshToken: ''` in the body), for the web build;
 *   - a check-in's `checkedOutBy` (checkins schema v1); pushed rows naming staff not of the
 *     station are rejected STAFF_UNKNOWN, overrides not by a manager OVERRIDE_NOT_MANAGER.
 * The messages themselves are schemas in messages.ts.
 */
export const PROTOCOL_VERSION = 1;
export const PROTOCOL_HEADER = 'x-station-desk-protocol';
/** Oldest desk protocol the server still accepts. */
export const MIN_SUPPORTED_PROTOCOL = 1;
