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

// Worker threads do not read NODE_OPTIONS again: the simulated desks of the sync tests run in
// workers, so each worker loads this file too.
if (Number.isFinite(offset) && offset !== 0 && !globalThis.__stationDeskWorkerPatch) {
  globalThis.__stationDeskWorkerPatch = true;
  const { createRequire, syncBuiltinESMExports } = await import('node:module');
  const threads = createRequire(import.meta.url)('node:worker_threads');
  const RealWorker = threads.Worker;
  const self = import.meta.url;
  threads.Worker = class extends RealWorker {
    constructor(file, options = {}) {
      super(file, { ...options, execArgv: [...(options.execArgv ?? process.execArgv), '--import', self] });
    }
  };
  syncBuiltinESMExports();
}
