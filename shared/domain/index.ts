/** The shared domain rules (DESIGN §5): pure functions the desk runs optimistically and the server again as the authority. */
export * from './reason-codes';
export * from './time';
export * from './check-in';
export * from './check-in-record';
export * from './occupancy';
export * from './bookings';
export * from './booking-decide';
export * from './booking-waitlist';
export * from './booking-no-show';
export * from './booking-resolve';
export * from './equipment';
export * from './equipment-metrics';
