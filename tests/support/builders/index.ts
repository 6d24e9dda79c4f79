/**
 * One builder per document type, each a valid document (shared/schemas) with overridable fields:
 * new ids, station STATION_ID, times at T0. `fixed.ts` is the fixed-id world that rule and
 * desk-feature tests use on top of these builders.
 */
export { STATION_ID, T0 } from './common';
export { makeBooking, makeVenueBooking } from './booking';
export { makeCheckIn } from './check-in';
export { makeEquipment, makeEquipmentLog } from './equipment';
export { makeMember } from './member';
export { makeStaff } from './staff';
export { everyDay, makeStation } from './station';
export { makeSession, makeVenue } from './venue';
