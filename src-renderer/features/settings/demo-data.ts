/**
 * A demo station for a desk that is not enrolled yet: lets a newcomer try check-in offline.
 * Deterministic (same members every time) so instructions and tests can name card numbers.
 * Once the desk is enrolled, the server's data replaces nothing here: it only adds.
 */
import { DEMO_STATION_ID, demoMembers } from '../../../shared/demo/members';
import { DEMO_STAFF_MEMBERS } from '../../../shared/demo/staff';
import { DEFAULT_STATION_RULES, type StaffDoc, type StationDoc } from '../../../shared/schemas/index';
import type { Repositories } from '../../data/index';
import { makePinVerifier } from '../../session/pin-verify';

/** Members 1–50 of the shared demo roster (card numbers 310000000001…; 7 suspended, 9 expired). */
export { DEMO_STATION_ID, demoMembers };

export const demoStation = (now: Date): StationDoc => ({
  id: DEMO_STATION_ID,
  stationId: DEMO_STATION_ID,
  serverRev: 0,
  updatedAt: now.toISOString(),
  name: '静安区职工健身驿站（演示）',
  type: 'fitness-regular',
  utcOffsetMinutes: 480,
  openingHours: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open: '00:00', close: '24:00' })),
  capacity: 60,
  rules: { ...DEFAULT_STATION_RULES },
});

/** The demo desk member (PIN 1234) and manager (PIN 9999), with verifiers made here (random salt). */
export const demoStaff = (now: Date): Promise<StaffDoc[]> =>
  Promise.all(
    DEMO_STAFF_MEMBERS.map(async (s) => ({
      id: s.id,
      stationId: DEMO_STATION_ID,
      serverRev: 0,
      updatedAt: now.toISOString(),
      name: s.name,
      role: s.role,
      pin: await makePinVerifier(s.pin),
      active: true,
    })),
  );

/** Loads the demo station if this desk has none. Returns the number of members added (0 if skipped). */
export const loadDemoData = async (repos: Repositories, now = new Date()): Promise<number> => {
  if (await repos.station.current()) return 0;
  for (const staff of await demoStaff(now)) await repos.staff.save(staff);
  await repos.station.save(demoStation(now));
  return repos.members.bulkInsert(demoMembers(now));
};
