/**
 * Equipment status, derived from its append-only log (never stored, so desks cannot disagree).
 *
 * Events are deduplicated by id, sorted by (at, id) and folded, so the status is a pure function
 * of the SET of events, whatever order they arrived in (two desks reporting offline, then syncing):
 * - fault-reported: high severity → out-of-service; otherwise faulty, except that out-of-service
 *   and under-repair stay as they are while the earlier fault is open;
 * - repair-started → under-repair (also without a fault: maintenance);
 * - repaired / inspected → ok, closing every open fault (inspected = checked and found fine);
 * - retired → retired, terminal: later events are ignored.
 *
 * Bookings: an open high-severity fault blocks the equipment's venue (VENUE_OUT_OF_SERVICE) until
 * it is repaired, including while under repair; any other open fault or repair only flags it
 * (FLAGGED_FAULT). Retired equipment is gone from the venue: it neither blocks nor flags. A
 * bookable device is stricter: it is blocked whenever it cannot be used.
 */
import type { EquipmentDoc } from '../schemas/equipment';
import type { EquipmentLogDoc } from '../schemas/equipment-logs';
import type { VenueKind } from '../schemas/venues';
import { toMs } from './time';

export const EQUIPMENT_STATUSES = ['ok', 'faulty', 'out-of-service', 'under-repair', 'retired'] as const;
export type EquipmentStatus = (typeof EQUIPMENT_STATUSES)[number];

export interface EquipmentState {
  status: EquipmentStatus;
  /** Fault reports not yet closed by a repair or inspection, oldest first. */
  openFaults: EquipmentLogDoc[];
  /** An open high-severity fault: the venue takes no bookings. */
  blocking: boolean;
  /** When the current status began (epoch ms), null if never changed. */
  since: number | null;
}

/** The log as a set: one event per id, sorted by (at, id). */
export const sortEvents = (logs: readonly EquipmentLogDoc[]): EquipmentLogDoc[] => {
  const byId = new Map<string, EquipmentLogDoc>();
  for (const log of logs) if (!byId.has(log.id)) byId.set(log.id, log);
  return [...byId.values()].sort((a, b) => toMs(a.at) - toMs(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
};

export const INITIAL_EQUIPMENT_STATE: EquipmentState = { status: 'ok', openFaults: [], blocking: false, since: null };

/** One step of the fold. */
export const applyEquipmentEvent = (state: EquipmentState, event: EquipmentLogDoc): EquipmentState => {
  if (state.status === 'retired') return state;
  const at = toMs(event.at);
  const to = (status: EquipmentStatus, openFaults: EquipmentLogDoc[]): EquipmentState => ({
    status,
    openFaults,
    blocking: openFaults.some((f) => f.severity === 'high'),
    since: status === state.status ? state.since : at,
  });
  switch (event.event) {
    case 'fault-reported': {
      const faults = [...state.openFaults, event];
      if (event.severity === 'high') return to('out-of-service', faults);
      const keeps = state.status === 'out-of-service' || state.status === 'under-repair';
      return to(keeps ? state.status : 'faulty', faults);
    }
    case 'repair-started':
      return to('under-repair', state.openFaults);
    case 'repaired':
    case 'inspected':
      return to('ok', []);
    case 'retired':
      return to('retired', []);
  }
};

/** The equipment's state after all its events. */
export const equipmentState = (logs: readonly EquipmentLogDoc[]): EquipmentState =>
  sortEvents(logs).reduce(applyEquipmentEvent, INITIAL_EQUIPMENT_STATE);

export const deriveEquipmentStatus = (logs: readonly EquipmentLogDoc[]): EquipmentStatus => equipmentState(logs).status;

export const openFaults = (logs: readonly EquipmentLogDoc[]): EquipmentLogDoc[] => equipmentState(logs).openFaults;

/**
 * Whether the item itself can be booked or used (a bookable device): not while out of service,
 * under repair or retired. Whether it blocks its whole venue is `EquipmentState.blocking`.
 */
export const blocksBookings = (status: EquipmentStatus): boolean =>
  status === 'out-of-service' || status === 'under-repair' || status === 'retired';

/** Groups log events by equipment id. */
export const groupLogsByEquipment = (logs: readonly EquipmentLogDoc[]): Map<string, EquipmentLogDoc[]> => {
  const groups = new Map<string, EquipmentLogDoc[]>();
  for (const log of logs) {
    const list = groups.get(log.equipmentId);
    if (list) list.push(log);
    else groups.set(log.equipmentId, [log]);
  }
  return groups;
};

/** 'blocked': an open high-severity fault; 'flagged': another open fault or a repair under way. */
export type VenueFaultState = 'ok' | 'flagged' | 'blocked';

/**
 * The fault state of a venue from the equipment standing in it. For a bookable device
 * (`kind` 'device') the venue IS the equipment: anything that makes it unusable
 * (`blocksBookings`: out of service, under repair, retired) blocks it.
 */
export const venueFaultState = (
  equipment: readonly Pick<EquipmentDoc, 'id' | 'venueId'>[],
  logsByEquipment: ReadonlyMap<string, readonly EquipmentLogDoc[]>,
  venueId: string,
  kind?: VenueKind,
): VenueFaultState => {
  let result: VenueFaultState = 'ok';
  for (const item of equipment) {
    if (!venueId || item.venueId !== venueId) continue;
    const state = equipmentState(logsByEquipment.get(item.id) ?? []);
    if (state.blocking || (kind === 'device' && blocksBookings(state.status))) return 'blocked';
    if (state.status === 'faulty' || state.status === 'under-repair' || state.status === 'out-of-service') result = 'flagged';
  }
  return result;
};

/** An open high-severity fault on any equipment standing in the venue. */
export const venueBlocked = (
  equipment: readonly Pick<EquipmentDoc, 'id' | 'venueId'>[],
  logsByEquipment: ReadonlyMap<string, readonly EquipmentLogDoc[]>,
  venueId: string,
  kind?: VenueKind,
): boolean => venueFaultState(equipment, logsByEquipment, venueId, kind) === 'blocked';
