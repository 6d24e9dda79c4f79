/** What a server authority decides (services/sync/authority.ts): the writes to perform under the station lock. */
import type { CollectionName } from '../../../shared/schemas/index';
import type { Queryable } from '../../db/database';
import type { DocWrite } from '../../repositories/sync-store';

export interface AuthorityResult {
  /** The pushed collection's writes, with the server's verdict written in. */
  writes: DocWrite[];
  /** Writes to other collections of the same station that the decision entails. */
  others?: { collection: CollectionName; writes: DocWrite[] }[];
}

export type Authority = (tx: Queryable, stationId: string, writes: DocWrite[], now: number) => Promise<AuthorityResult>;
