/**
 * The collection registry: every synced collection, its schema, who writes it, its sync scope
 * and its conflict policy. Desk (RxDB), server (SQL + ajv) and the sync screen all read this list.
 * The open-source RxDB build allows 13 open collections per JS realm: keep this at 12 or fewer.
 */
import { bookingSchema, type BookingDoc } from './bookings';
import { checkInSchema, type CheckInDoc } from './checkins';
import type { CollectionSchema } from './common';
import { equipmentLogSchema, type EquipmentLogDoc } from './equipment-logs';
import { equipmentSchema, type EquipmentDoc } from './equipment';
import { memberSchema, type MemberDoc } from './members';
import { sessionSchema, type SessionDoc } from './sessions';
import { staffSchema, type StaffDoc } from './staff';
import { stationSchema, type StationDoc } from './stations';
import { trustSchema, type TrustDoc } from './trust';
import { venueSchema, type VenueDoc } from './venues';

export interface CollectionDocs {
  stations: StationDoc;
  members: MemberDoc;
  checkins: CheckInDoc;
  venues: VenueDoc;
  sessions: SessionDoc;
  bookings: BookingDoc;
  equipment: EquipmentDoc;
  equipmentLogs: EquipmentLogDoc;
  staff: StaffDoc;
  trust: TrustDoc;
}

export type CollectionName = keyof CollectionDocs;

/**
 * How a conflict between a desk's write and the server's state is resolved (shown to staff).
 * - append-only: records are only created; the one mutable field merges (latest check-out wins).
 * - server-authoritative: the server's state wins; the desk's attempt surfaces as an exception.
 * - field-merge: fields merge one by one; the server wins on validity and status.
 * - server-only: desks read, never write.
 */
export type ConflictPolicy = 'append-only' | 'server-authoritative' | 'field-merge' | 'server-only';

export interface CollectionSpec {
  name: CollectionName;
  schema: CollectionSchema;
  /** 'station': the desk's own station only; 'global': replicated to every desk. */
  scope: 'station' | 'global';
  /** Whether desks may push documents of this collection. */
  deskWritable: boolean;
  conflictPolicy: ConflictPolicy;
}

export const COLLECTIONS: readonly CollectionSpec[] = [
  { name: 'stations', schema: stationSchema, scope: 'station', deskWritable: false, conflictPolicy: 'server-only' },
  { name: 'members', schema: memberSchema, scope: 'station', deskWritable: true, conflictPolicy: 'field-merge' },
  { name: 'checkins', schema: checkInSchema, scope: 'station', deskWritable: true, conflictPolicy: 'append-only' },
  { name: 'venues', schema: venueSchema, scope: 'station', deskWritable: false, conflictPolicy: 'server-only' },
  { name: 'sessions', schema: sessionSchema, scope: 'station', deskWritable: false, conflictPolicy: 'server-only' },
  { name: 'bookings', schema: bookingSchema, scope: 'station', deskWritable: true, conflictPolicy: 'server-authoritative' },
  { name: 'equipment', schema: equipmentSchema, scope: 'station', deskWritable: true, conflictPolicy: 'field-merge' },
  { name: 'equipmentLogs', schema: equipmentLogSchema, scope: 'station', deskWritable: true, conflictPolicy: 'append-only' },
  { name: 'staff', schema: staffSchema, scope: 'station', deskWritable: false, conflictPolicy: 'server-only' },
  { name: 'trust', schema: trustSchema, scope: 'global', deskWritable: false, conflictPolicy: 'server-only' },
];

export const COLLECTION_NAMES = COLLECTIONS.map((c) => c.name);

export const isCollectionName = (value: unknown): value is CollectionName =>
  typeof value === 'string' && (COLLECTION_NAMES as readonly string[]).includes(value);

export const collectionSpec = (name: CollectionName): CollectionSpec => {
  const spec = COLLECTIONS.find((c) => c.name === name);
  if (!spec) throw new Error(`unknown collection ${name}`);
  return spec;
};

export * from './common';
export * from './stations';
export * from './members';
export * from './checkins';
export * from './venues';
export * from './sessions';
export * from './bookings';
export * from './equipment';
export * from './equipment-logs';
export * from './staff';
export * from './trust';
