/**
 * The demo station DEMO-SH-JA-001 (静安区职工健身驿站（演示）): profile, venues, a week of classes,
 * equipment with a little repair history, two staff (PINs 1234 and 9999) and ~3000 members from
 * the shared demo roster rule (shared/demo/members.ts), so its first 50 members are exactly the
 * desk's offline demo.
 *
 * Seeded only if absent. Every document has a fixed id, so a seed interrupted half-way is simply
 * run again: the profile document, which marks the station as present, is written last.
 * Given the server's pass keys, it also makes the first pass-signing key if there is none, so
 * desks enrolled into the demo can verify member passes from their first sync.
 */
import { DEMO_MEMBER_COUNT, DEMO_STATION_ID, demoMembers } from '../../../shared/demo/members';
import {
  DEFAULT_STATION_RULES,
  type CollectionName,
  type EquipmentDoc,
  type EquipmentLogDoc,
  type SessionDoc,
  type StaffDoc,
  type StationDoc,
  type VenueDoc,
} from '../../../shared/schemas/index';
import type { Database } from '../../db/database';
import type { PassKeys } from '../passes/keys';
import { findStationProfile } from '../../repositories/stations';
import { writeServerDocs } from '../../repositories/sync-store';
import { DEMO_CAPACITY, DEMO_CLASSES, DEMO_EQUIPMENT, DEMO_EQUIPMENT_HISTORY, DEMO_STAFF, DEMO_STATION_NAME, DEMO_UTC_OFFSET_MINUTES, DEMO_VENUES } from './catalog';
import { demoBookings } from './demo-bookings';
import { makePinVerifier } from './pin-verifier';

export { DEMO_STATION_ID };
const BATCH = 500;
const DAY_MS = 86_400_000;
const SEEDED_BY = 'demo-seed';
export const DEMO_OPENING_HOURS = [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open: '00:00', close: '24:00' }));

const base = (id: string, updatedAt: string) => ({ id, stationId: DEMO_STATION_ID, serverRev: 0, updatedAt });
const venueId = (key: string) => `DEMO-V-${key}`;

export const demoStationDoc = (updatedAt: string): StationDoc => ({
  ...base(DEMO_STATION_ID, updatedAt),
  name: DEMO_STATION_NAME,
  type: 'fitness-regular',
  utcOffsetMinutes: DEMO_UTC_OFFSET_MINUTES,
  // Open around the clock, so the README's first try and every E2E test give the same results at
  // any hour; the opening-hours rule itself is tested with explicit hours (shared/domain/time.test.ts,
  // check-in.test.ts) and with `admin create-station --hours`.
  openingHours: DEMO_OPENING_HOURS,
  capacity: DEMO_CAPACITY,
  rules: { ...DEFAULT_STATION_RULES },
});

export const demoVenues = (updatedAt: string): VenueDoc[] =>
  DEMO_VENUES.map((v) => ({ ...base(venueId(v.key), updatedAt), name: v.name, nameEn: v.nameEn, kind: v.kind, capacity: v.capacity, slotMinutes: v.slotMinutes, active: true }));

export const demoEquipment = (updatedAt: string): EquipmentDoc[] =>
  DEMO_EQUIPMENT.map((e) => ({ ...base(`DEMO-E-${e.assetTag}`, updatedAt), name: e.name, category: e.category, assetTag: e.assetTag, venueId: venueId(e.venue) }));

/** Past faults and repairs, all closed: every item is in service, and MTTR has numbers. */
export const demoEquipmentLogs = (now: number): EquipmentLogDoc[] =>
  DEMO_EQUIPMENT_HISTORY.map((e, i) => {
    const at = new Date(now - e.daysAgo * DAY_MS).toISOString();
    return {
      ...base(`DEMO-L-${String(i + 1).padStart(3, '0')}`, at),
      equipmentId: `DEMO-E-${e.assetTag}`,
      event: e.event,
      severity: e.severity,
      description: e.description,
      photo: '',
      at,
      deskId: SEEDED_BY,
      staffId: 'DEMO-STAFF-MANAGER',
    };
  });

/** Classes of the 7 local days starting with the day of `now`. */
export const demoSessions = (now: number): SessionDoc[] => {
  const offset = DEMO_UTC_OFFSET_MINUTES * 60_000;
  const today = Math.floor((now + offset) / DAY_MS) * DAY_MS - offset;
  const updatedAt = new Date(now).toISOString();
  const sessions: SessionDoc[] = [];
  for (let d = 0; d < 7; d++) {
    const midnight = today + d * DAY_MS;
    const local = new Date(midnight + offset);
    const date = local.toISOString().slice(0, 10).replace(/-/g, '');
    for (const c of DEMO_CLASSES.filter((k) => k.days.includes(local.getUTCDay()))) {
      const [h, m] = c.start.split(':').map(Number) as [number, number];
      const startsAt = midnight + (h * 60 + m) * 60_000;
      sessions.push({
        ...base(`DEMO-S-${date}-${c.key}`, updatedAt),
        title: c.title,
        titleEn: c.titleEn,
        venueId: venueId(c.venue),
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + c.minutes * 60_000).toISOString(),
        capacity: c.capacity,
        instructor: c.instructor,
        cancelled: false,
      });
    }
  }
  return sessions;
};

export const demoStaff = async (updatedAt: string): Promise<StaffDoc[]> =>
  Promise.all(DEMO_STAFF.map(async (s) => ({ ...base(`DEMO-STAFF-${s.key}`, updatedAt), name: s.name, role: s.role, pin: await makePinVerifier(s.pin), active: true })));

export interface SeedResult {
  stationId: string;
  created: boolean;
}

/** Seeds the demo station if it is absent (each write's hint goes out after its commit). */
export const seedDemoStation = async (
  db: Database,
  options: { now: number; memberCount?: number; passKeys?: Pick<PassKeys, 'ensure'> },
): Promise<SeedResult> => {
  if (await findStationProfile(db, DEMO_STATION_ID)) return { stationId: DEMO_STATION_ID, created: false };
  const updatedAt = new Date(options.now).toISOString();
  const write = async (collection: CollectionName, docs: readonly object[]) => {
    for (let i = 0; i < docs.length; i += BATCH) {
      const batch = docs.slice(i, i + BATCH) as unknown as Array<Record<string, unknown>>;
      await writeServerDocs(db, DEMO_STATION_ID, collection, batch, { writtenBy: SEEDED_BY, now: options.now });
    }
  };
  await write('venues', demoVenues(updatedAt));
  await write('equipment', demoEquipment(updatedAt));
  await write('equipmentLogs', demoEquipmentLogs(options.now));
  await write('staff', await demoStaff(updatedAt));
  await write('sessions', demoSessions(options.now));
  await write('members', demoMembers(new Date(options.now), options.memberCount ?? DEMO_MEMBER_COUNT));
  await write('bookings', demoBookings(options.now, demoSessions(options.now), demoMembers(new Date(options.now), options.memberCount ?? DEMO_MEMBER_COUNT)));
  await options.passKeys?.ensure(options.now);
  await write('stations', [demoStationDoc(updatedAt)]);
  return { stationId: DEMO_STATION_ID, created: true };
};
