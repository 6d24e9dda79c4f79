// Loaded with `node --import` (through NODE_OPTIONS) by `npm test` when STATION_DESK_SIMULATED_NOW
// is set: every Node process of the run sees the same simulated wall clock, shifted by
// STATION_DESK_CLOCK_OFFSET_MS from the real one and running at the real rate, so the suite can be
// run "at 03:00 in Shanghai" at any real hour. Timers, performance.now() and the databases' own
// now() are untouched: only what code reads as the date and time of day moves.
const offset = Number(process.env.STATION_DESK_CLOCK_OFFSET_MS ?? '0');
if (Number.isFinite(offset) && offset !== 0 && !globalThis.__stationDeskSimulatedClock) {
  const RealDate = globalThis.Date;
  class SimulatedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
  }
  // Date() called as a function returns a string of the current time.
  const DateFn = new Proxy(SimulatedDate, {
    apply: () => new SimulatedDate().toString(),
  });
  globalThis.Date = DateFn;
  globalThis.__stationDeskSimulatedClock = offset;
}
