/**
 * Automatic check-out at closing time (shared/domain/occupancy.ts `checkOutAtClosing`), run at
 * app start (visits left open since yesterday, or while the desk was off) and then every minute.
 * The recorded time is the closing time itself, whenever this runs.
 *
 * Each desk closes its own visits at once; another desk's visits only an hour after their
 * closing, so that normally one write per visit reaches the server, yet visits of a desk that is
 * off or gone still get closed. Two desks closing the same visit write the same value.
 */
import { checkOutAtClosing } from '../../../shared/domain/occupancy';
import { DAY_MS, HOUR_MS, toIso, toMs } from '../../../shared/domain/time';
import type { Repositories } from '../../data/index';

/** How far back open visits are looked for. */
export const CLOSING_LOOKBACK_MS = 30 * DAY_MS;
/** How long after closing a desk leaves another desk's visits to that desk. */
export const OTHER_DESK_GRACE_MS = HOUR_MS;
export const CLOSING_INTERVAL_MS = 60_000;

/** Checks out every due visit; returns how many were closed. */
export const runClosingCheckOut = async (repos: Repositories, deskId: string, now: number): Promise<number> => {
  const station = await repos.station.current();
  if (!station) return 0;
  const open = await repos.checkins.openSince(toIso(now - CLOSING_LOOKBACK_MS));
  const due = checkOutAtClosing(open, station, now).filter(
    (c) => c.deskId === deskId || toMs(c.checkedOutAt!) <= now - OTHER_DESK_GRACE_MS,
  );
  for (const c of due) await repos.checkins.checkOut(c.id, c.checkedOutAt!, 'closing');
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
  const run = () => {
    if (running) return;
    running = true;
    runClosingCheckOut(options.repos, options.deskId, options.now())
      .catch((error: unknown) => console.warn('Station Desk: closing-time check-out failed; retrying in a minute', error))
      .finally(() => (running = false));
  };
  run();
  const timer = setInterval(run, options.intervalMs ?? CLOSING_INTERVAL_MS);
  return () => clearInterval(timer);
};
