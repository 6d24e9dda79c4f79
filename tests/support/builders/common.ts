/** What every built document shares: the station it belongs to and the synced fields. */
import { ulid } from '../../../shared/ids';
import type { SyncedFields } from '../../../shared/schemas/common';

/** The station every built document belongs to unless a test says otherwise. */
export const STATION_ID = 'ST-SH-001';
/** The moment built documents were last updated (and happened, where a document has a time). */
export const T0 = '2026-11-29T01:00:00.000Z';

/** A new id (a ULID, as a desk makes them), this station, never on the server. */
export const synced = (): SyncedFields => ({ id: ulid(), stationId: STATION_ID, serverRev: 0, updatedAt: T0 });
