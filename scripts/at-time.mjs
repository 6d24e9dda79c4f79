// Runs a command as if the wall clock showed another time: `node scripts/at-time.mjs 03:00 npm test`
// (the next 03:00 in Shanghai, UTC+8) or `node scripts/at-time.mjs 2026-12-03T21:59:00+08:00 …`.
// Every Node process of the command loads scripts/simulated-clock.mjs (through NODE_OPTIONS) and
// sees the same shifted clock running at the real rate; the E2E desks' browsers are set to it by
// tests/e2e/fixtures.ts. Used to show that the suite passes at any hour (docs/testing.md).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [when, ...command] = process.argv.slice(2);
if (!when || command.length === 0) {
  console.error('usage: node scripts/at-time.mjs <HH:MM (Shanghai) | ISO time> <command> [args…]');
  process.exit(2);
}
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const target = (() => {
  const hhmm = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(when);
  if (!hhmm) return Date.parse(when);
  const now = Date.now();
  const localMidnight = Math.floor((now + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
  let at = localMidnight + ((Number(hhmm[1]) * 60 + Number(hhmm[2])) * 60 + Number(hhmm[3] ?? 0)) * 1000;
  if (at <= now) at += DAY_MS;
  return at;
})();
if (!Number.isFinite(target)) {
  console.error(`at-time: cannot read the time "${when}"`);
  process.exit(2);
}
const offset = target - Date.now();
const shim = fileURLToPath(new URL('./simulated-clock.mjs', import.meta.url));
console.info(`[at-time] simulated now ${new Date(target).toISOString()} (offset ${Math.round(offset / 1000)} s): ${command.join(' ')}`);
const proc = spawnSync(command[0], command.slice(1), {
  stdio: 'inherit',
  env: {
    ...process.env,
    STATION_DESK_CLOCK_OFFSET_MS: String(offset),
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${shim}`.trim(),
  },
});
process.exit(proc.status ?? 1);
