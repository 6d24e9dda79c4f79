/**
 * What the check-in screen shows from the database, live: today's attempts, the visits open now
 * (check-out buttons) and the people inside (occupancy: each person once), and member names for
 * the recent list. Occupancy is re-judged every half minute, so visits end on screen at closing
 * time without a write.
 *
 * These updates render as transitions (React may interrupt them): after a scan, the result panel
 * (an urgent update) is painted first and the lists catch up a frame later, instead of the panel
 * waiting for the table to render again (bench/README.md, scan to paint).
 */
import { startTransition, useEffect, useMemo, useState, type DependencyList } from 'react';
import { isInside, occupancy } from '../../../shared/domain/occupancy';
import { toIso } from '../../../shared/domain/time';
import type { CheckInDoc, StationDoc } from '../../../shared/schemas/index';
import { useServices } from '../../app/services';
import { useTodayRange } from '../../app/use-station';
import type { Unsubscribe } from '../../data/index';
import { OPEN_LOOKBACK_MS } from './check-in-command';

const useTick = (ms: number): number => {
  const { now } = useServices();
  const [tick, setTick] = useState(now);
  useEffect(() => {
    const timer = window.setInterval(() => setTick(now()), ms);
    return () => window.clearInterval(timer);
  }, [now, ms]);
  return tick;
};

/** useSubscription (app/use-subscription.ts), with each update rendered as a transition. */
const useLiveList = <T,>(subscribe: (listener: (value: T) => void) => Unsubscribe, initial: T, deps: DependencyList): T => {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => subscribe((next) => startTransition(() => setValue(next))), deps); // eslint-disable-line react-hooks/exhaustive-deps
  return value;
};

const useMemberNames = (checkins: CheckInDoc[]): Map<string, string> => {
  const { repos } = useServices();
  const [names, setNames] = useState(new Map<string, string>());
  useEffect(() => {
    const missing = [...new Set(checkins.map((c) => c.memberId).filter((id) => id && !names.has(id)))];
    if (missing.length === 0) return;
    void Promise.all(missing.map(async (id) => [id, (await repos.members.get(id))?.name ?? ''] as const)).then((found) =>
      startTransition(() => setNames((prev) => new Map([...prev, ...found]))),
    );
  }, [checkins, names, repos]);
  return names;
};

export const useDeskData = (station: StationDoc | null) => {
  const { repos, now } = useServices();
  const range = useTodayRange(station);
  const today = useLiveList<CheckInDoc[]>((l) => repos.checkins.subscribeBetween(range, l), [], [repos, range.from]);
  // the same query the check-in command asks (openVisitsSince), so RxDB answers that from cache
  const since = useMemo(() => toIso(Date.parse(range.from) - OPEN_LOOKBACK_MS), [range.from]);
  const open = useLiveList<CheckInDoc[]>((l) => repos.checkins.subscribeOpenSince(since, l), [], [repos, since]);
  const tick = useTick(30_000);
  // `inside`: the open visits (ids), for their check-out buttons; `occupancy`: the people inside,
  // each once (shared rule: a person admitted at two offline desks has two open visits).
  const { inside, occupancy: people } = useMemo(() => {
    const t = Math.max(tick, now());
    if (!station) return { inside: new Set<string>(), occupancy: 0 };
    return { inside: new Set(open.filter((c) => isInside(c, station, t)).map((c) => c.id)), occupancy: occupancy(open, station, t) };
  }, [open, station, tick, now]);
  const recent = useMemo(() => today.slice(0, 20), [today]);
  const names = useMemberNames(recent);
  const denied = useMemo(() => today.filter((c) => c.outcome === 'deny').length, [today]);
  return { today, recent, names, inside, occupancy: people, denied };
};
