/** The station profile and "today" in the station's own time zone, for any screen. */
import { useEffect, useMemo, useState } from 'react';
import { localDayEnd, localDayStart } from '../../shared/domain/time';
import type { StationDoc } from '../../shared/schemas/index';
import type { TimeRange } from '../data/repositories/checkins';
import { useServices } from './services';
import { useSubscription } from './use-subscription';

export const useStation = (): StationDoc | null => {
  const { repos } = useServices();
  return useSubscription<StationDoc | null>((listener) => repos.station.subscribe(listener), null, [repos]);
};

/** The clock used while the station profile has not loaded: China Standard Time. */
const DEFAULT_CLOCK = { utcOffsetMinutes: 480 };

/**
 * Today's range in station-local time; rolls over at local midnight (checked every minute).
 * Worked out on every render from the station itself, never from state that lags it: a range
 * from a stale day once made the check-in screen ask for every check-in since 1970 (a minute's
 * read at a busy station) in the render where the station profile arrived.
 */
export const useTodayRange = (station: StationDoc | null): TimeRange => {
  const { now } = useServices();
  const [, setMinute] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setMinute((m) => m + 1), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  const { from, to } = todayRange(station, now());
  return useMemo(() => ({ from, to }), [from, to]);
};

/** The local day containing `now` at the station (China Standard Time until its profile loads). */
export const todayRange = (station: Pick<StationDoc, 'utcOffsetMinutes'> | null, now: number): TimeRange => {
  const clock = station ?? DEFAULT_CLOCK;
  const start = localDayStart(clock, now);
  return { from: new Date(start).toISOString(), to: new Date(localDayEnd(clock, start)).toISOString() };
};
