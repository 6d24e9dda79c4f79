/**
 * `npm run bench:flood` — a desk's pull while outsiders flood the server with deep bodies
 * (issue 10, finding 1): the server runs as its own process (`server/main.ts`, PGlite, the
 * default rate limit); one enrolled desk pulls a page of 100 check-ins every 250 ms, first
 * undisturbed for 15 s, then for 15 s while 14 unauthenticated pushes of an 8 MB body nested
 * 4 million levels deep (`[[[[…]]]]`) arrive, evenly spread, from one address — far under the
 * rate limit, sent from their own thread. Reported: the pull's median, p95 and max in both phases and the ratios
 * (flood / normal). Goal (docs/security.md): the flooded pull stays within 2× its normal time.
 *
 * A benchmark, not a test: nothing fails on speed. It checks that every pull answered 200 with
 * the 100 documents and every flood request was refused with a JSON error (exit code 2 if not).
 *
 * Options: --postgres (the server on TEST_DATABASE_URL's PostgreSQL instead of PGlite),
 * --quick (5 s phases, 5 flood requests).
 * Results: stdout and bench/results/flood-<date>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../shared/protocol/version';
import { createTestDatabase } from '../server/testing/test-db';
import { makeCheckIn } from '../tests/support/builders/index';
import { startServerProcess, stationWithDesk } from '../tests/sync/harness/server';
import { machineInfo } from './harness/machine';

const QUICK = process.argv.includes('--quick');
const POSTGRES = process.argv.includes('--postgres');
const STATION = 'ST-FLOOD';
const CONFIG = {
  phaseMs: QUICK ? 5_000 : 15_000,
  pullEveryMs: 250,
  floodRequests: QUICK ? 5 : 14,
  /** 4M '[' + 4M ']' = 8,000,000 bytes, under the 8 MiB body limit. */
  floodDepth: 4_000_000,
  docs: 100,
};
const PROTOCOL = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const quantile = (sorted: number[], q: number) => {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
};
const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: round(quantile(sorted, 0.5)), p95: round(quantile(sorted, 0.95)), max: round(sorted.at(-1) ?? NaN), n: values.length };
};

/** The outsider: evenly spread unauthenticated pushes of one deep body; posts back every answer. */
const FLOODER = `
const { parentPort, workerData: w } = require('node:worker_threads');
const body = Buffer.from('['.repeat(w.depth) + ']'.repeat(w.depth));
const answers = [];
const sent = [];
(async () => {
  for (let i = 0; i < w.requests; i++) {
    const started = performance.now();
    sent.push(fetch(w.url, { method: 'POST', headers: w.headers, body })
      .then(async (res) => {
        const json = await res.json().catch(() => ({}));
        answers.push({ status: res.status, code: (json.error && json.error.code) || '(no JSON error)', ms: performance.now() - started });
      })
      .catch((error) => answers.push({ status: 0, code: String(error), ms: performance.now() - started })));
    await new Promise((r) => setTimeout(r, w.gapMs));
  }
  await Promise.all(sent);
  parentPort.postMessage(answers);
})();
`;

const answerOf = (a: { status: number; code: string }) => `${a.status} ${a.code}`;

const main = async () => {
  // a fresh PostgreSQL database (dropped afterwards), or PGlite in a fresh folder
  const pg = POSTGRES ? await createTestDatabase('postgres') : null;
  // the default rate limit (the flood stays far under it); a generous start limit on a busy machine
  const server = await startServerProcess({ databaseUrl: pg?.url ?? '', env: { RATE_LIMIT_PER_MINUTE: '1200' }, startLimitMs: 300_000 });
  const problems: string[] = [];
  try {
    const { accessToken } = await stationWithDesk(server.url, STATION);
    const desk = { ...PROTOCOL, authorization: `Bearer ${accessToken}` };
    const rows = Array.from({ length: CONFIG.docs }, (_, i) => ({
      newDocumentState: { ...makeCheckIn({ stationId: STATION, badge: `31000000${String(i).padStart(4, '0')}` }), _deleted: false },
      assumedMasterState: null,
    }));
    const pushed = await fetch(`${server.url}/api/sync/checkins/push`, { method: 'POST', headers: { ...desk, 'content-type': 'application/json' }, body: JSON.stringify({ rows }) });
    const pushAnswer = (await pushed.json()) as { rejected?: unknown[] };
    if (pushed.status !== 200 || pushAnswer.rejected?.length) throw new Error(`seed push: ${pushed.status} ${JSON.stringify(pushAnswer).slice(0, 300)}`);

    const pull = async (): Promise<number> => {
      const started = performance.now();
      const res = await fetch(`${server.url}/api/sync/checkins/pull?seq=0&limit=500`, { headers: desk });
      const body = (await res.json()) as { documents?: unknown[] };
      const ms = performance.now() - started;
      if (res.status !== 200 || body.documents?.length !== CONFIG.docs) problems.push(`pull answered ${res.status} with ${body.documents?.length ?? 0} documents`);
      return ms;
    };
    const pullFor = async (ms: number): Promise<number[]> => {
      const times: number[] = [];
      const end = performance.now() + ms;
      while (performance.now() < end) {
        const started = performance.now();
        times.push(await pull());
        await sleep(Math.max(0, CONFIG.pullEveryMs - (performance.now() - started)));
      }
      return times;
    };

    for (let i = 0; i < 10; i++) await pull(); // warm-up
    const normal = await pullFor(CONFIG.phaseMs);

    // the flood comes from its own thread (an outsider's machine): its sends do not delay the
    // desk's timing here
    const flooder = new Worker(FLOODER, {
      eval: true,
      workerData: { url: `${server.url}/api/sync/checkins/push`, headers: { ...PROTOCOL, 'content-type': 'application/json' }, depth: CONFIG.floodDepth, requests: CONFIG.floodRequests, gapMs: CONFIG.phaseMs / CONFIG.floodRequests },
    });
    const flood = new Promise<{ status: number; code: string; ms: number }[]>((resolveFlood, rejectFlood) => {
      flooder.once('message', resolveFlood);
      flooder.once('error', rejectFlood);
    });
    await new Promise((r) => flooder.once('online', r));
    const flooded = await pullFor(CONFIG.phaseMs);
    const floodAnswers = await flood;
    await flooder.terminate();
    for (const answer of floodAnswers) if (answer.status < 400 || answer.code.startsWith('(')) problems.push(`flood request answered ${answer.status} ${answer.code}`);

    const normalStats = stats(normal);
    const floodStats = stats(flooded);
    const floodRefusal = stats(floodAnswers.map((a) => a.ms));
    const result = {
      date: new Date().toISOString(),
      database: POSTGRES ? 'postgres' : 'pglite',
      config: CONFIG,
      machine: machineInfo(),
      normal: normalStats,
      flooded: floodStats,
      ratio: { median: round(floodStats.median / normalStats.median), p95: round(floodStats.p95 / normalStats.p95), max: round(floodStats.max / normalStats.max) },
      floodAnswers: [...new Set(floodAnswers.map(answerOf))].map((answer) => ({ answer, count: floodAnswers.filter((a) => answerOf(a) === answer).length })),
      floodRefusalMs: floodRefusal,
      ok: problems.length === 0,
      problems: [...new Set(problems)],
    };
    console.info(`flood bench (${result.database}, ${CONFIG.floodRequests} × ${((2 * CONFIG.floodDepth) / 1e6).toFixed(1)} MB deep bodies in ${CONFIG.phaseMs / 1000} s)`);
    console.info(`  pull normal:  median ${normalStats.median} ms, p95 ${normalStats.p95} ms, max ${normalStats.max} ms (n=${normalStats.n})`);
    console.info(`  pull flooded: median ${floodStats.median} ms, p95 ${floodStats.p95} ms, max ${floodStats.max} ms (n=${floodStats.n})`);
    console.info(`  ratio flooded/normal: median ${result.ratio.median}×, p95 ${result.ratio.p95}×, max ${result.ratio.max}×`);
    console.info(`  flood answers: ${result.floodAnswers.map((a) => `${a.count}× ${a.answer}`).join(', ')}; refused in median ${floodRefusal.median} ms, max ${floodRefusal.max} ms`);
    if (!result.ok) console.error(`  ✗ ${result.problems.join('; ')}`);
    const dir = resolve('bench/results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `flood-${result.date.slice(0, 10)}${QUICK ? '-quick' : ''}${POSTGRES ? '-postgres' : ''}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.info(`  → ${file}`);
    if (!result.ok) process.exitCode = 2;
  } finally {
    await server.stop();
    await pg?.dispose();
  }
};

await main();
