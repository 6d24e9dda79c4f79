/**
 * Faults meet bookings (docs/domain-rules.md, "Equipment": a booking on a venue or device with
 * an open fault is refused or flagged): which venues a station's equipment blocks, and which
 * existing bookings the server flags when a venue becomes blocked.
 *
 * New bookings on a blocked venue are refused by the booking rule itself (`venueFaultState` →
 * VENUE_OUT_OF_SERVICE), so lifting the block needs no write: a repair event changes the derived
 * state and the next booking passes. Bookings made before the fault are not cancelled by a machine:
 * they keep their status and get the reason FLAGGED_FAULT, so staff see them in the exception
 * queue and call the member. A flag is never undone by the repair: staff acknowledge it.
 */
import type { BookingDoc } from '../schemas/bookings';
import type { EquipmentDoc } from '../schemas/equipment';
import type { EquipmentLogDoc } from '../schemas/equipment-logs';
import type { VenueKind } from '../schemas/venues';
import { withVerdict, type Decider } from './bookings';
import { groupLogsByEquipment, venueFaultState, type VenueFaultState } from './equipment';
import { toMs, type Instant } from './time';

export interface VenueRef {
  id: string;
  kind?: VenueKind;
}

/**
 * The fault state of each venue that has equipment standing in it (venues with none are 'ok'
 * and left out). Pass the venues to take their kind into account (a bookable device is stricter).
 */
export const venueFaultStates = (
  equipment: readonly Pick<EquipmentDoc, 'id' | 'venueId'>[],
  logs: readonly EquipmentLogDoc[],
  venues: readonly VenueRef[] = [],
): Map<string, VenueFaultState> => {
  const kinds = new Map(venues.map((v) => [v.id, v.kind]));
  const byEquipment = groupLogsByEquipment(logs);
  const states = new Map<string, VenueFaultState>();
  for (const venueId of new Set(equipment.map((e) => e.venueId).filter(Boolean))) {
    states.set(venueId, venueFaultState(equipment, byEquipment, venueId, kinds.get(venueId)));
  }
  return states;
};

/** Statuses of a booking that still expects the member to come. */
const EXPECTED = new Set<BookingDoc['status']>(['requested', 'confirmed', 'waitlisted']);

/**
 * The bookings to flag because their venue is blocked: still expected (requested, confirmed,
 * waitlisted), not yet over at `now`, and not flagged already (so flagging is idempotent and an
 * acknowledged flag does not come back). Each keeps its status; it gets the reason
 * FLAGGED_FAULT, the decider, and a cleared acknowledgement (a new verdict needs a new look).
 */
export const bookingsToFlagForFaults = (
  bookings: readonly BookingDoc[],
  blockedVenueIds: ReadonlySet<string>,
  now: Instant,
  by: Decider = 'server',
): BookingDoc[] => {
  const t = toMs(now);
  return bookings
    .filter((b) => blockedVenueIds.has(b.venueId) && EXPECTED.has(b.status) && toMs(b.endsAt) > t && b.reason !== 'FLAGGED_FAULT')
    .map((b) => ({ ...withVerdict(b, b.status, 'FLAGGED_FAULT', by, now), ack: null }));
};
