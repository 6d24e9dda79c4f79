/**
 * Reads for the members' app: who a card belongs to, a member's bookings, and one station day
 * (profile, venues, classes, bookings, equipment state) for the shared timeline rule. Plain reads
 * outside the station lock: what the app shows may be a moment old; the booking itself is
 * decided under the lock (member-bookings.ts).
 */
import { DAY_MS, dayTimeline, groupLogsByEquipment, localDayStart, MINUTE_MS, venueFaultState, type DayTimeline } from '../../shared/domain/index';
import type { VenueFaultState } from '../../shared/domain/index';
import type { BookingDoc, CollectionName, EquipmentDoc, EquipmentLogDoc, MemberDoc, SessionDoc, StationDoc, VenueDoc } from '../../shared/schemas/index';
import type { Queryable } from '../db/database';
import { loadAll, loadDocsWhere, loadEquipmentEvents, type StoredDoc } from './sync-store';
import { findStationProfile } from './stations';

const asDoc = <T>(row: StoredDoc): T => ({ ...row.data, serverRev: row.seq }) as T;

/** Live documents of a collection whose ISO timestamp `field` lies in [from, to). */
export const loadBetween = async <T>(q: Queryable, stationId: string, collection: CollectionName, field: string, from: string, to: string): Promise<T[]> => {
  const { rows } = await q.query<{ id: string; seq: unknown; deleted: boolean; data: Record<string, unknown> }>(
    `SELECT id, seq, deleted, data FROM sync_docs
     WHERE station_id = $1 AND collection = $2 AND NOT deleted AND (data ->> $3) >= $4 AND (data ->> $3) < $5`,
    [stationId, collection, field, from, to],
  );
  return rows.map((r) => asDoc<T>({ id: r.id, seq: Number(r.seq), deleted: r.deleted, data: r.data }));
};

/** The roster entry of a card at a station (a server-known one before a walk-in), or null. */
export const findMemberByCard = async (q: Queryable, stationId: string, cardNo: string): Promise<MemberDoc | null> => {
  const rows = (await loadDocsWhere(q, stationId, 'members', 'cardNo', [cardNo])).filter((r) => !r.deleted && r.data.source !== 'provisional');
  rows.sort((a, b) => (a.data.source === 'server' ? 0 : 1) - (b.data.source === 'server' ? 0 : 1));
  return rows[0] ? asDoc<MemberDoc>(rows[0]) : null;
};

export const bookingsOfMember = async (q: Queryable, stationId: string, memberId: string): Promise<BookingDoc[]> =>
  (await loadDocsWhere(q, stationId, 'bookings', 'memberId', [memberId])).filter((r) => !r.deleted).map((r) => asDoc<BookingDoc>(r));

/** "YYYY-MM-DD" (station-local) → local midnight (epoch ms), or null if it is not a date. */
export const localDateStart = (station: Pick<StationDoc, 'utcOffsetMinutes'>, date: string): number | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (!Number.isFinite(utc) || new Date(utc).toISOString().slice(0, 10) !== date) return null;
  return utc - station.utcOffsetMinutes * MINUTE_MS;
};

export interface StationDay {
  station: StationDoc;
  timeline: DayTimeline;
  faults: Map<string, VenueFaultState>;
}

/** One local day of a station for the app: the shared timeline plus each venue's fault state. */
export const loadStationDay = async (q: Queryable, stationId: string, dayStart: number, now: number): Promise<StationDay | null> => {
  const station = await findStationProfile(q, stationId);
  if (!station) return null;
  const start = localDayStart(station, dayStart);
  const from = new Date(start).toISOString();
  const to = new Date(start + DAY_MS).toISOString();
  const venues = (await loadAll(q, stationId, 'venues')).map((r) => asDoc<VenueDoc>(r)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const sessions = await loadBetween<SessionDoc>(q, stationId, 'sessions', 'startsAt', from, to);
  const bookings = await loadBetween<BookingDoc>(q, stationId, 'bookings', 'startsAt', from, to);
  const equipment = (await loadAll(q, stationId, 'equipment')).map((r) => asDoc<EquipmentDoc>(r));
  const logs = (await loadEquipmentEvents(q, stationId, equipment.map((e) => e.id))).map((r) => asDoc<EquipmentLogDoc>(r));
  const timeline = dayTimeline({ station, checkInWindowMinutes: station.rules.checkInWindowMinutes, day: start, venues, sessions, bookings, now });
  const logsByEquipment = groupLogsByEquipment(logs);
  const faults = new Map(venues.map((v) => [v.id, venueFaultState(equipment, logsByEquipment, v.id, v.kind)]));
  return { station, timeline, faults };
};
