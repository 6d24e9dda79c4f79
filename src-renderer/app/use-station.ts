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

/** Today's range in station-local time; rolls over at local midnight. */
export const useTodayRange = (station: StationDoc | null): TimeRange => {
  const { now } = useServices();
  const [day, setDay] = useState(() => (station ? localDayStart(station, now()) : 0));
  useEffect(() => {
    if (!station) return;
    const update = () => setDay(localDayStart(station, now()));
    update();
    const timer = window.setInterval(update, 60_000);
    return () => window.clearInterval(timer);
  }, [station, now]);
  return useMemo(() => {
    const clock = station ?? { utcOffsetMinutes: 480 };
    const start = station ? day : localDayStart(clock, now());
    return { from: new Date(start).toISOString(), to: new Date(localDayEnd(clock, start)).toISOString() };
  }, [station, day, now]);
};
