/**
 * `npm run bench:streams` — memory of idle live hint streams per server process (issue 10,
 * finding 3; docs/security.md "Streams"): the server runs as its own process (`server/main.ts`,
 * PGlite) with its stream caps raised for the measurement; one enrolled desk opens 1000, then
 * 2000 idle streams (`GET /api/sync/stream`, real HTTP, one socket each); the process's resident
 * memory (VmRSS, /proc/<pid>/status) is read after each step has settled. Reported: KB per idle
 * stream (RSS growth / streams), and the default caps that bound it (config.ts).
 *
 * A benchmark, not a test: nothing fails on size. It checks that every stream opened (200 and
 * the `: connected` comment) and that /health answered while they were open (exit code 2 if not).
 *
 * Options: --quick (250 and 500 streams).
 * Results: stdout and bench/results/streams-<date>.json.
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { request, type ClientRequest } from 'node:http';
import { join, resolve } from 'node:path';
import { defaultStreamTotal, DEFAULT_STREAM_LIMITS, fdSoftLimit } from '../server/config';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../shared/protocol/version';
import { startServerProcess, stationWithDesk } from '../tests/sync/harness/server';
import { machineInfo } from './harness/machine';

const QUICK = process.argv.includes('--quick');
const STEPS = QUICK ? [250, 500] : [1000, 2000];
const STATION = 'ST-STREAMS';
/** How long RSS must stay put (±1%) to count as settled, and the most we wait for it. */
const SETTLE = { stableMs: 2000, limitMs: 30_000 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rssKiB = (pid: number) => Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);

/** RSS once it has stopped moving (or after the limit). */
const settledRss = async (pid: number): Promise<number> => {
  const end = Date.now() + SETTLE.limitMs;
  let last = rssKiB(pid);
  let since = Date.now();
  while (Date.now() < end) {
    await sleep(250);
    const now = rssKiB(pid);
    if (Math.abs(now - last) > last * 0.01) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= SETTLE.stableMs) return now;
  }
  return last;
};

const main = async () => {
  const total = STEPS.at(-1)!;
  const server = await startServerProcess({
    env: { STREAMS_PER_DESK: String(total), STREAMS_PER_STATION: String(total), STREAMS_TOTAL: String(total), STREAM_OPENS_PER_MINUTE: '100000' },
    startLimitMs: 300_000,
  });
  const pid = server.child.pid!;
  const { hostname, port } = new URL(server.url);
  const problems: string[] = [];
  const open: ClientRequest[] = [];
  try {
    const { accessToken } = await stationWithDesk(server.url, STATION);

    const openStream = () =>
      new Promise<void>((resolveOpen) => {
        const req = request({ host: hostname, port, path: '/api/sync/stream', headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), authorization: `Bearer ${accessToken}` } }, (res) => {
          if (res.statusCode !== 200) problems.push(`stream answered ${res.statusCode}`);
          res.once('data', () => resolveOpen());
          res.once('end', () => resolveOpen());
        });
        req.on('error', (error) => {
          problems.push(`stream: ${error.message}`);
          resolveOpen();
        });
        req.end();
        open.push(req);
      });
    const openMany = async (n: number) => {
      for (let i = 0; i < n; i += 50) await Promise.all(Array.from({ length: Math.min(50, n - i) }, openStream));
    };

    // warm-up: the stream route's code paths, then back to none
    await openMany(50);
    for (const req of open.splice(0)) req.destroy();
    const baseline = await settledRss(pid);
    const steps: { streams: number; rssKiB: number; kibPerStream: number }[] = [];
    for (const step of STEPS) {
      await openMany(step - open.length);
      const rss = await settledRss(pid);
      steps.push({ streams: step, rssKiB: rss, kibPerStream: Math.round(((rss - baseline) / step) * 10) / 10 });
      const health = await fetch(`${server.url}/health`);
      if (health.status !== 200) problems.push(`/health answered ${health.status} with ${step} streams open`);
    }
    const result = {
      date: new Date().toISOString(),
      machine: machineInfo(),
      baselineRssKiB: baseline,
      steps,
      defaults: { ...DEFAULT_STREAM_LIMITS, total: defaultStreamTotal(fdSoftLimit()), fdSoftLimitOfThisProcess: fdSoftLimit() },
      ok: problems.length === 0,
      problems: [...new Set(problems)],
    };
    console.info(`idle streams in one server process (PGlite), baseline RSS ${(baseline / 1024).toFixed(1)} MiB`);
    for (const s of steps) console.info(`  ${String(s.streams).padStart(5)} streams: RSS ${(s.rssKiB / 1024).toFixed(1)} MiB, ${s.kibPerStream} KiB per stream`);
    console.info(`  default caps: ${result.defaults.perDesk} per desk, ${result.defaults.perStation} per station, ${result.defaults.total} per process (open-file limit ${result.defaults.fdSoftLimitOfThisProcess ?? 'unknown'})`);
    if (!result.ok) console.error(`  ✗ ${result.problems.join('; ')}`);
    const dir = resolve('bench/results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `streams-${result.date.slice(0, 10)}${QUICK ? '-quick' : ''}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.info(`  → ${file}`);
    if (!result.ok) process.exitCode = 2;
  } finally {
    for (const req of open) req.destroy();
    await server.stop();
  }
};

await main();
