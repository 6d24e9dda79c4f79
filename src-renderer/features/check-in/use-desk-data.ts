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
import { startTransition, useEffect, useMemo, useState } from 'react';
import { isInside, occupancy } from '../../../shared/domain/occupancy';
import type { CheckInDoc, StationDoc } from '../../../shared/schemas/index';
import { useServices } from '../../app/services';
import { useTodayRange } from '../../app/use-station';
import { useSubscription } from '../../app/use-subscription';
import { openVisitsSinceDay } from './check-in-command';

const useTick = (ms: number): number => {
  const { now } = useServices();
  const [tick, setTick] = useState(now);
  useEffect(() => {
    const timer = window.setInterval(() => setTick(now()), ms);
    return () => window.clearInterval(timer);
  }, [now, ms]);
  return tick;
};

/** The lists change with every scan: rendered as transitions, after the result panel. */
const LIVE_LIST = { transition: true };

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
  const today = useSubscription<CheckInDoc[]>((l) => repos.checkins.subscribeBetween(range, l), [], [repos, range.from], LIVE_LIST);
  // the same query the check-in command asks (openVisitsSince), so RxDB answers that from cache
  const since = openVisitsSinceDay(range.from);
  const open = useSubscription<CheckInDoc[]>((l) => repos.checkins.subscribeOpenSince(since, l), [], [repos, since], LIVE_LIST);
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
  /** Today's count is visits let in (an override counts once, as its admission): denials are shown beside it, not in it. */
  const admitted = today.length - denied;
  return { today, recent, names, inside, occupancy: people, denied, admitted };
};
