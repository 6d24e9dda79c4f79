/**
 * The desk releases no-shows itself, offline too (docs/domain-rules.md): a confirmed booking whose check-in
 * deadline passed becomes 'no-show' and its place goes to the head of the waitlist, so the slot
 * can be rebooked at once. It runs on a timer with the shared rule (`releaseNoShows`); its writes
 * sync like any other.
 *
 * Several desks of one station release the same booking independently: each writes the same
 * verdict (no-show, NO_SHOW_RELEASED) and promotes the same head of the same waitlist, so the
 * first push wins and the others' pushes resolve to the server's state (conflict policy:
 * server wins) — one no-show, one promotion, nothing duplicated. Attendance recorded at another
 * desk beats a release (shared/protocol/conflicts.ts).
 */
import { checkInDeadline, DAY_MS, releaseNoShows, toIso } from '../../../shared/domain/index';
import type { BookingDoc } from '../../../shared/schemas/index';
import type { Repositories } from '../../data/index';
import { capacityOfBooking } from './booking-commands';

/** How far back a booking may still wait for its release (a desk switched off over a weekend). */
export const RELEASE_LOOKBACK_MS = 7 * DAY_MS;
export const RELEASE_EVERY_MS = 30_000;

/** One pass: releases every due no-show of the station and promotes waitlists. Returns what it wrote. */
export const releaseDueNoShows = async (repos: Repositories, now: number): Promise<BookingDoc[]> => {
  const station = await repos.station.current();
  if (!station) return [];
  const window = station.rules.checkInWindowMinutes;
  const started = await repos.bookings.confirmedStartingBetween({ from: toIso(now - RELEASE_LOOKBACK_MS), to: toIso(now + 1) });
  const due = started.filter((b) => now > checkInDeadline(b, window));
  if (due.length === 0) return [];
  const slotKeys = [...new Set(due.map((b) => b.slotKey))];
  const slots = await repos.bookings.forSlots(slotKeys);
  const capacities = new Map<string, number | undefined>();
  for (const key of slotKeys) capacities.set(key, await capacityOfBooking(repos, due.find((b) => b.slotKey === key)!));
  const changed = releaseNoShows(slots, now, window, (key) => capacities.get(key), 'desk');
  await repos.bookings.saveMany(changed);
  return changed;
};

/**
 * Runs the release now and every `everyMs`, never two passes at once. `now` is the desk's clock
 * (services.now), so tests that move the clock move the release too. Returns a stop function.
 */
export const startNoShowRelease = (
  repos: Repositories,
  now: () => number,
  options: { everyMs?: number; onError?: (error: unknown) => void } = {},
): (() => void) => {
  let running = false;
  let stopped = false;
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      await releaseDueNoShows(repos, now());
    } catch (error) {
      options.onError?.(error);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), options.everyMs ?? RELEASE_EVERY_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
};
