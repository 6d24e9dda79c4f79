/**
 * No-shows: releasing bookings nobody came for, and the booking ban that repeated no-shows earn.
 *
 * Release: a confirmed booking whose check-in deadline (start + checkInWindowMinutes; the slot's
 * end for late promotions, see bookings.ts) has passed becomes 'no-show' (NO_SHOW_RELEASED), on
 * the desk too while offline; its freed place goes to the waitlist, head first, while the slot
 * is still running.
 *
 * Ban: a no-show happens at its booking's start. Whenever `noShowLimit` no-shows fall within
 * `noShowPeriodDays` (the last minus the first is less than the period), the member may not book
 * for `noShowBanDays` counted from the last of them; the ban ends exactly then. Only no-shows up
 * to `now` count. A limit or period of 0 disables the ban.
 */
import type { BookingDoc } from '../schemas/bookings';
import type { StationRules } from '../schemas/stations';
import { checkInDeadline, groupBySlot, withVerdict, type Decider } from './bookings';
import { promoteWaitlist } from './booking-waitlist';
import { DAY_MS, toIso, toMs, type Instant } from './time';

export type NoShowRules = Pick<StationRules, 'noShowLimit' | 'noShowPeriodDays' | 'noShowBanDays'>;

export interface NoShowBan {
  banned: boolean;
  /** End of the ban (exclusive) when banned, else null. */
  until: string | null;
  /** No-shows within the period that ends at `now`. */
  count: number;
}

/** Pass one member's bookings: every no-show in the list counts against them. */
export const noShowBan = (memberBookings: readonly BookingDoc[], now: Instant, rules: NoShowRules): NoShowBan => {
  const t = toMs(now);
  const period = rules.noShowPeriodDays * DAY_MS;
  const times = memberBookings
    .filter((b) => b.status === 'no-show')
    .map((b) => toMs(b.startsAt))
    .filter((at) => at <= t)
    .sort((a, b) => a - b);
  const count = times.filter((at) => at > t - period).length;
  const limit = rules.noShowLimit;
  let until = -Infinity;
  if (limit > 0) {
    for (let last = limit - 1; last < times.length; last++) {
      if (times[last]! - times[last - limit + 1]! < period) until = times[last]! + rules.noShowBanDays * DAY_MS;
    }
  }
  const banned = t < until;
  return { banned, until: banned ? toIso(until) : null, count };
};

/**
 * Releases the confirmed bookings whose check-in deadline has passed and promotes the waitlist
 * into the freed places. `bookings` may span many slots; pass every booking of each slot (the
 * waitlist lives there). `capacityOf` gives a slot's capacity (a number for all slots, or a
 * lookup; undefined = unknown slot, nobody promoted). Returns the changed documents.
 */
export const releaseNoShows = (
  bookings: readonly BookingDoc[],
  now: Instant,
  checkInWindowMinutes: number,
  capacityOf: number | ((slotKey: string) => number | undefined),
  by: Decider = 'desk',
): BookingDoc[] => {
  const t = toMs(now);
  const changed: BookingDoc[] = [];
  for (const [slotKey, slot] of groupBySlot(bookings)) {
    const released = new Map<string, BookingDoc>();
    for (const b of slot) {
      if (b.status === 'confirmed' && t > checkInDeadline(b, checkInWindowMinutes)) {
        released.set(b.id, withVerdict(b, 'no-show', 'NO_SHOW_RELEASED', by, now));
      }
    }
    if (released.size === 0) continue;
    changed.push(...released.values());
    const capacity = typeof capacityOf === 'number' ? capacityOf : capacityOf(slotKey);
    if (capacity === undefined) continue;
    const after = slot.map((b) => released.get(b.id) ?? b);
    changed.push(...promoteWaitlist(after, capacity, now, by));
  }
  return changed;
};
