/**
 * The scan benchmark's data, made in the browser and the same on every run: members 1…M of the
 * shared demo roster rule (real-looking names, card numbers 3100000…, 1 % suspended, 2 % expired)
 * and check-ins of random members spread over the 365 days before the load (history: checked out
 * an hour or two after), plus "today so far" (made each run for the station's current day, the
 * last two hours still inside), which is what the check-in screen lists.
 */
import { demoCardNo, demoMember, DEMO_STATION_ID } from '../../../shared/demo/members';
import { mulberry32 } from '../../../shared/demo/prng';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../shared/domain/time';
import type { CheckInDoc, MemberDoc } from '../../../shared/schemas/index';

export const HISTORY_DAYS = 365;
export const STAFF_ID = 'DEMO-STAFF-DESK';

/** Members n = from+1 … to (1-based, like the demo roster). */
export const members = (from: number, to: number, updatedAt: string): MemberDoc[] =>
  Array.from({ length: to - from }, (_, i) => demoMember(from + i + 1, updatedAt));

export const memberId = (n: number) => `DEMO-M-${String(n).padStart(4, '0')}`;
export { demoCardNo as cardNo };

/** A check-in document of member n at `at` (ms), as the desk would have recorded it. */
export const checkIn = (id: string, n: number, at: number, deskId: string, checkedOutAt: number | null): CheckInDoc => {
  const iso = new Date(at).toISOString();
  return {
    id,
    stationId: DEMO_STATION_ID,
    serverRev: 0,
    updatedAt: new Date(checkedOutAt ?? at).toISOString(),
    memberId: memberId(n),
    badge: demoCardNo(n),
    method: 'scanner',
    outcome: 'admit',
    reason: 'OK',
    warnings: [],
    at: iso,
    deskId,
    staffId: STAFF_ID,
    bookingId: '',
    override: null,
    provisional: false,
    checkedOutAt: checkedOutAt === null ? null : new Date(checkedOutAt).toISOString(),
    checkOutMethod: checkedOutAt === null ? null : 'scan',
  };
};

/**
 * History check-ins i = from … to-1 of `total`, of random members among `memberCount`, at random
 * times in the HISTORY_DAYS before `endMs` (each one from its own seed, so any slice is the same
 * whatever the batch size). Ids are fixed per index: `H` + index, zero-padded.
 */
export const history = (from: number, to: number, memberCount: number, endMs: number): CheckInDoc[] =>
  Array.from({ length: to - from }, (_, k) => {
    const i = from + k;
    const random = mulberry32(Math.imul(i + 1, 0x85ebca6b) ^ 0xc0ffee);
    const n = 1 + Math.floor(random() * memberCount);
    const at = endMs - Math.floor(random() * HISTORY_DAYS * DAY_MS);
    const stay = HOUR_MS + Math.floor(random() * 2 * HOUR_MS);
    return checkIn(`H${String(i).padStart(8, '0')}`, n, at, 'BENCH-DESK-HISTORY', at + stay);
  });

/**
 * Today so far: `perDay` check-ins at fixed times of the station's day (seeded by the day), those
 * up to `now`; ids name the day and the index, so a later run the same day adds only the newer
 * ones. Those of the last two hours are still inside.
 */
export const today = (dayStart: number, now: number, perDay: number, memberCount: number): CheckInDoc[] => {
  const random = mulberry32(Math.floor(dayStart / DAY_MS));
  const day = new Date(dayStart).toISOString().slice(0, 10).replaceAll('-', '');
  const docs: CheckInDoc[] = [];
  for (let i = 0; i < perDay; i++) {
    const n = 1 + Math.floor(random() * memberCount);
    const at = dayStart + Math.floor(((i + random()) * DAY_MS) / perDay);
    if (at > now) break;
    const inside = now - at < 2 * HOUR_MS;
    docs.push(checkIn(`T${day}-${String(i).padStart(5, '0')}`, n, at, 'BENCH-DESK-TODAY', inside ? null : Math.min(now - MINUTE_MS, at + HOUR_MS)));
  }
  return docs;
};
