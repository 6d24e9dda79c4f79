/**
 * Live data for the booking screens, from the local database: venues, classes and bookings of a
 * time range, venue fault states (from the equipment log), a ticking desk clock, and lookups of
 * members and classes by id (cached per screen).
 */
import { useEffect, useMemo, useState } from 'react';
import type { VenueFaultState } from '../../../shared/domain/index';
import type { BookingDoc, SessionDoc, VenueDoc } from '../../../shared/schemas/index';
import { useServices } from '../../app/services';
import { useSubscription } from '../../app/use-subscription';
import type { TimeRange } from '../../data/repositories/checkins';
import { useVenueFaults } from '../equipment/use-venue-faults';

export interface BookingsData {
  venues: VenueDoc[];
  venueMap: Map<string, VenueDoc>;
  sessions: SessionDoc[];
  sessionMap: Map<string, SessionDoc>;
  bookings: BookingDoc[];
  faults: Map<string, VenueFaultState>;
}

export const useVenues = (): VenueDoc[] => {
  const { repos } = useServices();
  const venues = useSubscription<VenueDoc[]>((l) => repos.venues.subscribe(l), [], [repos]);
  return useMemo(() => [...venues].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), [venues]);
};

export const useBookingsRange = (range: TimeRange): BookingsData => {
  const { repos } = useServices();
  const venues = useVenues();
  const sessions = useSubscription<SessionDoc[]>((l) => repos.sessions.subscribeBetween(range, l), [], [repos, range.from, range.to]);
  const bookings = useSubscription<BookingDoc[]>((l) => repos.bookings.subscribeStartingBetween(range, l), [], [repos, range.from, range.to]);
  const faults = useVenueFaults(venues);
  return useMemo(
    () => ({ venues, venueMap: new Map(venues.map((v) => [v.id, v])), sessions, sessionMap: new Map(sessions.map((s) => [s.id, s])), bookings, faults }),
    [venues, sessions, bookings, faults],
  );
};

/** The desk clock (services.now), re-read every `everyMs` so "over" and "free" stay current. */
export const useNow = (everyMs = 15_000): number => {
  const { now } = useServices();
  const [value, setValue] = useState(() => now());
  useEffect(() => {
    const timer = window.setInterval(() => setValue(now()), everyMs);
    return () => window.clearInterval(timer);
  }, [now, everyMs]);
  return value;
};

/** Documents by id, fetched once each and kept for the component's life. */
export const useLookup = <T,>(ids: readonly string[], get: (id: string) => Promise<T | null>): Map<string, T> => {
  const [found, setFound] = useState(new Map<string, T>());
  const key = [...new Set(ids)].filter(Boolean).sort().join('|');
  useEffect(() => {
    const missing = key ? key.split('|').filter((id) => !found.has(id)) : [];
    if (missing.length === 0) return;
    let live = true;
    void Promise.all(missing.map(async (id) => [id, await get(id)] as const)).then((pairs) => {
      if (!live) return;
      setFound((prev) => {
        const next = new Map(prev);
        for (const [id, doc] of pairs) if (doc) next.set(id, doc);
        return next;
      });
    });
    return () => {
      live = false;
    };
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps -- `key` stands for the ids; `get` is a stable repository method
  return found;
};
