/**
 * Building blocks shared by every collection schema.
 *
 * Every synced document carries `id` (ULID made on the desk), `stationId`, `serverRev`
 * (the station sequence number the server stamped on its last accepted write; 0 = never on
 * the server) and `updatedAt` (desk clock, informative only: never used for ordering).
 * Documents are never hard-deleted; RxDB's `_deleted` tombstones replicate.
 */

/** A JSON schema node. Kept loose on purpose: RxDB, ajv and our tests all read it. */
export type JsonSchema = Record<string, unknown>;

/** Identifier of the "station" that owns global documents (trust keys, revocations). */
export const GLOBAL_STATION_ID = 'global';

export const ID_MAX_LENGTH = 40;
/** ISO-8601 timestamps in UTC, e.g. 2026-11-29T08:30:00.000Z (24 chars). */
export const TIMESTAMP_MAX_LENGTH = 30;

export const idField = { type: 'string', minLength: 1, maxLength: ID_MAX_LENGTH } as const;
export const timestampField = {
  type: 'string',
  minLength: 20,
  maxLength: TIMESTAMP_MAX_LENGTH,
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z$',
} as const;
export const optionalTimestampField = { type: ['string', 'null'], maxLength: TIMESTAMP_MAX_LENGTH } as const;
export const textField = (maxLength: number) => ({ type: 'string', maxLength }) as const;

/** Fields every synced document has. */
export interface SyncedFields {
  id: string;
  stationId: string;
  serverRev: number;
  updatedAt: string;
}

export const syncedProperties = {
  id: idField,
  stationId: idField,
  serverRev: { type: 'integer', minimum: 0, maximum: 1e15, multipleOf: 1 },
  updatedAt: timestampField,
} as const;

export const syncedRequired = ['id', 'stationId', 'serverRev', 'updatedAt'] as const;

/** Describes one collection: its name, schema version, JSON schema and indexes. */
export interface CollectionSchema {
  /** RxDB schema `version`; bump together with a migration strategy. */
  version: number;
  title: string;
  description: string;
  primaryKey: 'id';
  type: 'object';
  properties: Record<string, JsonSchema>;
  required: readonly string[];
  indexes?: readonly (string | readonly string[])[];
  additionalProperties: false;
}
