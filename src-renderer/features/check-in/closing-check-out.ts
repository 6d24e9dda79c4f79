/**
 * Automatic check-out at closing time (shared/domain/occupancy.ts `checkOutAtClosing`), run at
 * app start (visits left open since yesterday, or while the desk was off) and then every minute.
 * The recorded time is the closing time itself, whenever this runs; the check-out names the system
 * (`SYSTEM_STAFF_ID`), not whoever is signed in: no one at the desk ended those visits.
 *
 * Each desk closes its own visits at once; another desk's visits only an hour after their
 * closing, so that normally one write per visit reaches the server, yet visits of a desk that is
 * off or gone still get closed. Two desks closing the same visit write the same value.
 *
 * How far back it looks: every minute, the open visits of the last two days — the very query the
 * check-in screen keeps live (check-in-command.ts `openVisitsSince`), answered from RxDB's cache;
 * at start and once a day, the 30 days before those too, read an hour at a time whenever the
 * page is idle. Read at once, a month is ~80,000 check-ins at a busy station (2,700 a day): seconds
 * in which no scan could be handled (bench/README.md).
 */
import { checkOutAtClosing } from '../../../shared/domain/occupancy';
import { DAY_MS, HOUR_MS, toIso, toMs } from '../../../shared/domain/time';
import { SYSTEM_STAFF_ID, type CheckInDoc } from '../../../shared/schemas/index';
import type { Repositories } from '../../data/index';
import { openVisitsSince } from './check-in-command';

/** How far back open visits are looked for. */
export const CLOSING_LOOKBACK_MS = 30 * DAY_MS;
/** How long after closing a desk leaves another desk's visits to that desk. */
export const OTHER_DESK_GRACE_MS = HOUR_MS;
export const CLOSING_INTERVAL_MS = 60_000;
/** How often the 30-day look is repeated while the desk runs. */
export const DEEP_CLOSING_INTERVAL_MS = DAY_MS;
/** The 30-day look reads this span at a time (~100 check-ins at a busy station: a few ms). */
export const DEEP_SLICE_MS = HOUR_MS;

/**
 * Waits until the page is idle (no scan being handled, no frame to paint), so the month's read
 * runs between scans; where requestIdleCallback is missing (Node tests), a plain turn.
 */
const whenIdle = () =>
  new Promise<void>((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 2_000 });
    else setTimeout(resolve, 0);
  });

/** Open visits since `since`, read a slice at a time up to `until` (exclusive), when idle. */
const openInSlices = async (repos: Repositories, since: number, until: number): Promise<CheckInDoc[]> => {
  const found: CheckInDoc[] = [];
  for (let from = since; from < until; from += DEEP_SLICE_MS) {
    await whenIdle();
    found.push(...(await repos.checkins.openBetween({ from: toIso(from), to: toIso(Math.min(from + DEEP_SLICE_MS, until)) })));
  }
  return found;
};

/** Checks out every due visit (`deep`: of the last 30 days, else of the last two); returns how many were closed. */
export const runClosingCheckOut = async (repos: Repositories, deskId: string, now: number, deep = true): Promise<number> => {
  const station = await repos.station.current();
  if (!station) return 0;
  const recentFrom = openVisitsSince(station, now);
  const open = await repos.checkins.openSince(recentFrom);
  if (deep) open.push(...(await openInSlices(repos, now - CLOSING_LOOKBACK_MS, toMs(recentFrom))));
  const due = checkOutAtClosing(open, station, now).filter(
    (c) => c.deskId === deskId || toMs(c.checkedOutAt!) <= now - OTHER_DESK_GRACE_MS,
  );
  for (const c of due) await repos.checkins.checkOut(c.id, c.checkedOutAt!, 'closing', SYSTEM_STAFF_ID);
  return due.length;
};

/** Runs now, then every minute; returns the stop function. */
export const startClosingCheckOut = (options: {
  repos: Repositories;
  deskId: string;
  now: () => number;
  intervalMs?: number;
}): (() => void) => {
  let running = false;
  let lastDeep = Number.NEGATIVE_INFINITY;
  const run = () => {
    if (running) return;
    running = true;
    const now = options.now();
    const deep = now - lastDeep >= DEEP_CLOSING_INTERVAL_MS;
    runClosingCheckOut(options.repos, options.deskId, now, deep)
      .then(() => {
        if (deep) lastDeep = now;
      })
      .catch((error: unknown) => console.warn('Station Desk: closing-time check-out failed; retrying in a minute', error))
      .finally(() => (running = false));
  };
  run();
  const timer = setInterval(run, options.intervalMs ?? CLOSING_INTERVAL_MS);
  return () => clearInterval(timer);
};
