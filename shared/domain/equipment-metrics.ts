/**
 * Downtime and MTTR from an equipment log (for the station's acceptance reports).
 *
 * Both fold the same sorted event set as `equipmentState`, so they too are independent of the
 * order in which events arrived.
 * - Downtime: time within [from, to) during which the status was faulty, out-of-service or
 *   under-repair. Retired is not downtime: the item has left service.
 * - MTTR (mean time to repair) is counted per incident, not per report: an incident starts with
 *   the first fault report while no fault is open, and ends with the repair or inspection that
 *   closes its faults. Two desks reporting the same breakdown make one incident, not two.
 *   Incidents still open, or ended by retirement, are not counted.
 */
import type { EquipmentLogDoc } from '../schemas/equipment-logs';
import { applyEquipmentEvent, INITIAL_EQUIPMENT_STATE, sortEvents, type EquipmentStatus } from './equipment';
import { toMs, type Instant } from './time';

export interface StatusSpan {
  status: EquipmentStatus;
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive; Infinity for the current status. */
  to: number;
}

/** The equipment's status over time, as consecutive spans starting at its first event. */
export const statusTimeline = (logs: readonly EquipmentLogDoc[]): StatusSpan[] => {
  const spans: StatusSpan[] = [];
  let state = INITIAL_EQUIPMENT_STATE;
  for (const event of sortEvents(logs)) {
    const next = applyEquipmentEvent(state, event);
    if (next.status !== state.status) {
      const at = toMs(event.at);
      const last = spans[spans.length - 1];
      if (last) last.to = at;
      spans.push({ status: next.status, from: at, to: Infinity });
    }
    state = next;
  }
  return spans;
};

const isDown = (status: EquipmentStatus): boolean => status !== 'ok' && status !== 'retired';

/** Milliseconds within [from, to) during which the equipment was not usable as normal. */
export const downtimeMs = (logs: readonly EquipmentLogDoc[], from: Instant, to: Instant): number => {
  const start = toMs(from);
  const end = toMs(to);
  let total = 0;
  for (const span of statusTimeline(logs)) {
    if (!isDown(span.status)) continue;
    const overlap = Math.min(end, span.to) - Math.max(start, span.from);
    if (overlap > 0) total += overlap;
  }
  return total;
};

export interface RepairIncident {
  /** First fault report of the incident (epoch ms). */
  reportedAt: number;
  /** The repair or inspection that closed it (epoch ms), or null while open. */
  closedAt: number | null;
}

/** Fault incidents in time order. */
export const repairIncidents = (logs: readonly EquipmentLogDoc[]): RepairIncident[] => {
  const incidents: RepairIncident[] = [];
  let open: RepairIncident | null = null;
  let state = INITIAL_EQUIPMENT_STATE;
  for (const event of sortEvents(logs)) {
    if (state.status === 'retired') break;
    const next = applyEquipmentEvent(state, event);
    if (!open && next.openFaults.length > 0) {
      open = { reportedAt: toMs(event.at), closedAt: null };
      incidents.push(open);
    } else if (open && next.openFaults.length === 0 && next.status === 'ok') {
      open.closedAt = toMs(event.at);
      open = null;
    }
    state = next;
  }
  return incidents;
};

/** Mean time from fault report to repair over closed incidents (ms), or null if none. */
export const mttrMs = (logs: readonly EquipmentLogDoc[]): number | null => {
  const closed = repairIncidents(logs).filter((i) => i.closedAt !== null);
  if (closed.length === 0) return null;
  return closed.reduce((sum, i) => sum + (i.closedAt! - i.reportedAt), 0) / closed.length;
};

export interface RepairStats {
  /** Summed downtime within the window (ms). */
  downtimeMs: number;
  /** Mean time to repair over the incidents closed within the window (ms), or null if none. */
  mttrMs: number | null;
  /** Incidents closed within the window. */
  repaired: number;
  /** Incidents still open at the end of the window. */
  open: number;
}

/**
 * Downtime and MTTR of a set of equipment over [from, to): one item (pass its log) or a whole
 * station (pass every item's log). A station's MTTR averages all its incidents, so an item that
 * breaks often weighs more than one that broke once, as the acceptance report counts repairs.
 */
export const repairStats = (logsPerItem: Iterable<readonly EquipmentLogDoc[]>, from: Instant, to: Instant): RepairStats => {
  const start = toMs(from);
  const end = toMs(to);
  let downtime = 0;
  let repairTime = 0;
  let repaired = 0;
  let open = 0;
  for (const logs of logsPerItem) {
    downtime += downtimeMs(logs, start, end);
    const retiredAt = statusTimeline(logs).find((s) => s.status === 'retired')?.from ?? Infinity;
    for (const incident of repairIncidents(logs)) {
      if (incident.reportedAt >= end) continue;
      if (incident.closedAt !== null && incident.closedAt < end) {
        if (incident.closedAt < start) continue;
        repairTime += incident.closedAt - incident.reportedAt;
        repaired++;
      } else if (retiredAt >= end) open++; // an item retired with a fault open has left service
    }
  }
  return { downtimeMs: downtime, mttrMs: repaired > 0 ? repairTime / repaired : null, repaired, open };
};
