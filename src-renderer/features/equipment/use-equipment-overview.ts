/**
 * The equipment screen's data, live from the local database: every item with its status folded
 * from its log (shared rule), downtime and MTTR over the last 30 days per item and for the
 * station, and the venues' fault states. Recomputed whenever an item or an event changes, e.g.
 * when another desk's fault report arrives by sync.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  DAY_MS,
  equipmentState,
  groupLogsByEquipment,
  repairStats,
  venueFaultStates,
  type EquipmentState,
  type RepairStats,
  type VenueFaultState,
} from '../../../shared/domain/index';
import type { EquipmentDoc, EquipmentLogDoc, VenueDoc } from '../../../shared/schemas/index';
import { useServices } from '../../app/services';
import { useSubscription } from '../../app/use-subscription';

export const METRICS_WINDOW_MS = 30 * DAY_MS;

export interface EquipmentRow {
  item: EquipmentDoc;
  state: EquipmentState;
  logs: EquipmentLogDoc[];
  stats: RepairStats;
}

export interface EquipmentOverview {
  rows: EquipmentRow[];
  station: RepairStats;
  venues: Map<string, VenueDoc>;
  venueFaults: Map<string, VenueFaultState>;
  loaded: boolean;
}

/** The clock, read again every minute: an open fault's downtime keeps growing on screen. */
const useMinuteClock = (now: () => number): number => {
  const [time, setTime] = useState(now);
  useEffect(() => {
    const timer = window.setInterval(() => setTime(now()), 60_000);
    return () => window.clearInterval(timer);
  }, [now]);
  return time;
};

export const useEquipmentOverview = (): EquipmentOverview => {
  const { repos, now } = useServices();
  const minute = useMinuteClock(now);
  const items = useSubscription<EquipmentDoc[] | null>((l) => repos.equipment.subscribe(l), null, [repos]);
  const logs = useSubscription<EquipmentLogDoc[]>((l) => repos.equipment.subscribeAllLogs(l), [], [repos]);
  const venueList = useSubscription<VenueDoc[]>((l) => repos.venues.subscribe(l), [], [repos]);
  return useMemo(() => {
    const to = Math.max(minute, now());
    const from = to - METRICS_WINDOW_MS;
    const byItem = groupLogsByEquipment(logs);
    const rows = (items ?? []).map((item) => {
      const itemLogs = byItem.get(item.id) ?? [];
      return { item, logs: itemLogs, state: equipmentState(itemLogs), stats: repairStats([itemLogs], from, to) };
    });
    return {
      rows,
      station: repairStats(rows.map((r) => r.logs), from, to),
      venues: new Map(venueList.map((v) => [v.id, v])),
      venueFaults: venueFaultStates(items ?? [], logs, venueList),
      loaded: items !== null,
    };
  }, [items, logs, venueList, now, minute]);
};
