/**
 * `npm run bench:sync` — sync throughput and latency of OUR stack (Fastify server on PGlite and on
 * PostgreSQL, desks = the real desk code: RxDB 17 on the memory storage + our replication) next to
 * its peer PouchDB (pouchdb-server in memory, PouchDB desks on the memory adapter), in one run:
 *
 *   1. initial replication of 10k and 100k roster documents (~300 B) to a fresh desk;
 *   2. a 10k-write offline backlog draining: writes made while replication is stopped, then
 *      restarted; time until the server has acknowledged every one;
 *   3. live latency: desk A writes one check-in, desk B has it in its local database
 *      (our SSE hint + pull vs PouchDB's live sync on _changes longpoll); median and p95.
 *
 * Every desk runs in its own worker thread; times are stamped inside the desk workers.
 * A benchmark, not a test: nothing fails on speed. Each run is checked for correctness (every
 * document arrived, exactly); a mismatch is printed and flagged (exit code 2).
 *
 * Options: --quick (small sizes, for trying the harness), --only=pglite,postgres,pouchdb.
 * Results: a table per workload on stdout and bench/results/sync-<date>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { machineInfo } from './harness/machine';
import { join, resolve } from 'node:path';
import { deskCheckIn, jsonBytes, rosterMember, toPouch } from './harness/docs';
import { ourStack, pouchStack, type BenchDesk, type Stack, type StackId } from './harness/stacks';

const QUICK = process.argv.includes('--quick');
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',') as StackId[] | undefined;

const CONFIG = {
  /** Pull page size = PouchDB batch_size; 100k uses the server's maximum page (PULL_LIMIT_MAX). */
  initial: QUICK ? [{ docs: 2_000, batch: 500, runs: 2 }] : [{ docs: 10_000, batch: 500, runs: 3 }, { docs: 100_000, batch: 1_000, runs: 2 }],
  backlog: { docs: QUICK ? 2_000 : 10_000, batch: 500, runs: QUICK ? 2 : 3 },
  latency: { samples: QUICK ? 10 : 50, warmup: 5, gapMs: 150 },
  timeoutMs: { initialPerDoc: 3, backlog: 120_000, change: 10_000 },
};

type Sample = { ms: number | null; ok: boolean; problems: string[]; detail: Record<string, unknown> };
type LatencyStats = { median: number; p95: number; min: number; max: number; mean: number; n: number };

interface Result {
  workload: string;
  stack: StackId;
  ms: number | null;
  latency?: LatencyStats;
  ok: boolean;
  problems: string[];
  detail: Record<string, unknown>;
}

const results: Result[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

const quantile = (sorted: number[], q: number) => {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
};

const stats = (values: number[]): LatencyStats => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: round(quantile(sorted, 0.5), 2),
    p95: round(quantile(sorted, 0.95), 2),
    min: round(sorted[0] ?? NaN, 2),
    max: round(sorted.at(-1) ?? NaN, 2),
    mean: round(values.reduce((s, v) => s + v, 0) / values.length, 2),
    n: values.length,
  };
};

const record = (workload: string, stack: Stack, sample: Sample & { latency?: LatencyStats }) => {
  results.push({ workload, stack: stack.id, ...sample });
  const runs = Array.isArray(sample.detail.runs) ? ` (${(sample.detail.runs as unknown[]).length > 2 ? 'median' : 'mean'} of runs ${(sample.detail.runs as (number | null)[]).map((v) => v ?? '—').join(' / ')} ms)` : '';
  const figure = sample.latency ? `median ${sample.latency.median} ms, p95 ${sample.latency.p95} ms` : sample.ms === null ? 'no result' : `${round(sample.ms)} ms${runs}`;
  console.info(`  ${stack.label.padEnd(18)} ${workload.padEnd(22)} ${figure}${sample.ok ? '' : `  ✗ ${sample.problems.join('; ')}`}`);
};

const withDesks = async <T>(open: () => Promise<BenchDesk[]>, run: (desks: BenchDesk[]) => Promise<T>): Promise<T> => {
  const desks = await open();
  try {
    return await run(desks);
  } finally {
    await Promise.all(desks.map((d) => d.close()));
  }
};

/** 1. A fresh desk pulls a pre-loaded station of `docs` roster documents. */
const initialReplication = async (stack: Stack, docs: number, batch: number, run: number): Promise<Sample> => {
  const { station, preloadMs } = await stack.station(`init-${docs}-${run}`, docs);
  return withDesks(
    async () => [await stack.openDesk(station, `${stack.id}-init-${docs}-${run}`)],
    async ([desk]) => {
      await desk!.armArrivals(docs);
      const t0 = await desk!.start({ pull: batch, push: batch });
      const arrived = await desk!.waitArrivals(Math.max(60_000, docs * CONFIG.timeoutMs.initialPerDoc));
      const local = await desk!.count('members');
      const problems: string[] = [];
      if (arrived.at === null) problems.push(`timed out with ${arrived.count}/${docs} arrived`);
      if (local !== docs) problems.push(`desk holds ${local} documents, expected ${docs}`);
      const ms = arrived.at === null ? null : arrived.at - t0;
      return {
        ms,
        ok: problems.length === 0,
        problems,
        detail: { docs, batch, preloadMs: round(preloadMs), docsPerSecond: ms ? Math.round((docs / ms) * 1000) : null, requests: await desk!.requests() },
      };
    },
  );
};

/** 2. The desk writes `docs` check-ins with replication stopped, then restarts it. */
const offlineBacklog = async (stack: Stack, docs: number, batch: number, run: number): Promise<Sample> => {
  const { station } = await stack.station(`backlog-${run}`, 0);
  return withDesks(
    async () => [await stack.openDesk(station, `${stack.id}-backlog-${run}`)],
    async ([desk]) => {
      await desk!.start({ pull: batch, push: batch });
      await sleep(1500); // initial (empty) pull and the live stream
      await desk!.stop();
      const written = Array.from({ length: docs }, (_, i) => deskCheckIn(station.id, 'DESK-B', i));
      const localWriteMs = await desk!.insert('checkins', written);
      await desk!.resetRequests();
      await desk!.armAcks(docs);
      const t0 = await desk!.start({ pull: batch, push: batch });
      const acked = await desk!.waitAcks(CONFIG.timeoutMs.backlog);
      const ms = acked.at === null ? null : acked.at - t0;
      const requests = await desk!.requests();
      const onServer = await stack.serverIds(station, 'checkins');
      const missing = written.filter((d) => !onServer.has(d.id)).length;
      const problems: string[] = [];
      if (acked.at === null) problems.push(`timed out with ${acked.count}/${docs} acknowledged`);
      if (missing > 0) problems.push(`${missing} check-ins missing on the server`);
      if (onServer.size !== docs) problems.push(`server holds ${onServer.size} check-ins, expected ${docs}`);
      const pending = await desk!.pending();
      if (pending !== null && pending !== 0) {
        // the acknowledgement came before the desk recorded it; give it a moment, then report
        await sleep(1000);
        const later = await desk!.pending();
        if (later !== 0) problems.push(`desk still counts ${later} pending writes`);
      }
      return {
        ms,
        ok: problems.length === 0,
        problems,
        detail: { docs, batch, localWriteMs: round(localWriteMs), docsPerSecond: ms ? Math.round((docs / ms) * 1000) : null, requests },
      };
    },
  );
};

/** 3. Desk A writes one check-in; time until desk B has it locally. */
const liveLatency = async (stack: Stack): Promise<Sample & { latency?: LatencyStats }> => {
  const { samples, warmup, gapMs } = CONFIG.latency;
  const { station } = await stack.station('live', 0);
  return withDesks(
    async () => [await stack.openDesk(station, `${stack.id}-live-a`), await stack.openDesk(station, `${stack.id}-live-b`)],
    async ([a, b]) => {
      await Promise.all([a!.start({ pull: 500, push: 500 }), b!.start({ pull: 500, push: 500 })]);
      await sleep(2000); // initial pulls, live streams open
      const latencies: number[] = [];
      let lost = 0;
      for (let i = 0; i < warmup + samples; i++) {
        const doc = deskCheckIn(station.id, 'DESK-A', i);
        await b!.armSeen(doc.id);
        const written = await a!.insertOne('checkins', doc);
        const seen = await b!.waitSeen(CONFIG.timeoutMs.change);
        if (seen.at === null) lost++;
        else if (i >= warmup) latencies.push(seen.at - written);
        await sleep(gapMs);
      }
      await sleep(500);
      const total = warmup + samples;
      const [onB, onServer] = await Promise.all([b!.count('checkins'), stack.serverIds(station, 'checkins')]);
      const problems: string[] = [];
      if (lost > 0) problems.push(`${lost} changes not seen within ${CONFIG.timeoutMs.change} ms`);
      if (onB !== total) problems.push(`desk B holds ${onB} check-ins, expected ${total}`);
      if (onServer.size !== total) problems.push(`server holds ${onServer.size} check-ins, expected ${total}`);
      const latency = latencies.length ? stats(latencies) : undefined;
      return {
        ms: latency?.median ?? null,
        ...(latency ? { latency } : {}),
        ok: problems.length === 0,
        problems,
        detail: { samples, warmup, gapMs, all: latencies.map((v) => round(v, 2)) },
      };
    },
  );
};

const WORKLOADS = {
  initial: (docs: number) => `initial ${docs / 1000}k`,
  backlog: `offline backlog ${CONFIG.backlog.docs / 1000}k`,
  latency: 'live change A→B',
};

const runStack = async (make: () => Promise<Stack>, label: string, versions: Record<string, string>) => {
  console.info(`\n▶ ${label}`);
  let stack: Stack;
  try {
    stack = await make();
  } catch (error) {
    console.error(`  ${label}: could not start, skipped: ${(error as Error).message.split('\n')[0]}`);
    versions[label] = `not run: ${(error as Error).message.split('\n')[0]}`;
    return;
  }
  try {
    versions[stack.label] = await stack.describe();
    /** Runs a workload `runs` times (fresh station and desk each time); reports the median run. */
    const attempt = async (workload: string, runs: number, once: (run: number) => Promise<Sample & { latency?: LatencyStats }>) => {
      const samples: (Sample & { latency?: LatencyStats })[] = [];
      for (let run = 0; run < runs; run++) {
        try {
          samples.push(await once(run));
        } catch (error) {
          samples.push({ ms: null, ok: false, problems: [`run ${run + 1} crashed: ${(error as Error).message.split('\n')[0]}`], detail: {} });
        }
      }
      if (samples.length === 1) return record(workload, stack, samples[0]!);
      const times = samples.map((s) => s.ms).filter((ms): ms is number => ms !== null);
      const sorted = [...times].sort((a, b) => a - b);
      const median = sorted.length ? quantile(sorted, 0.5) : null;
      const closest = samples.reduce((best, s) => (s.ms !== null && median !== null && Math.abs(s.ms - median) < Math.abs((best.ms ?? Infinity) - median) ? s : best));
      record(workload, stack, {
        ms: median,
        ok: samples.every((s) => s.ok),
        problems: samples.flatMap((s) => s.problems),
        detail: { ...closest.detail, runs: samples.map((s) => (s.ms === null ? null : round(s.ms))) },
      });
    };
    for (const { docs, batch, runs } of CONFIG.initial) await attempt(WORKLOADS.initial(docs), runs, (run) => initialReplication(stack, docs, batch, run));
    await attempt(WORKLOADS.backlog, CONFIG.backlog.runs, (run) => offlineBacklog(stack, CONFIG.backlog.docs, CONFIG.backlog.batch, run));
    await attempt(WORKLOADS.latency, 1, () => liveLatency(stack));
  } finally {
    await stack.close();
  }
};

const fmtMs = (ms: number | null | undefined) => (ms === null || ms === undefined ? '—' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const ratio = (peer: number | null | undefined, ours: number | null | undefined) =>
  peer && ours ? `${(peer / ours).toFixed(2)}×` : '—';

const table = (title: string, rows: { name: string; pick: (r: Result) => number | null | undefined; workload: string }[]) => {
  const header = ['', 'ours·PGlite', 'ours·PostgreSQL', 'PouchDB', 'PouchDB/PGlite', 'PouchDB/PostgreSQL'];
  const lines = rows.map(({ name, pick, workload }) => {
    const get = (stack: StackId) => results.find((r) => r.workload === workload && r.stack === stack);
    const cell = (stack: StackId) => {
      const r = get(stack);
      return r ? `${fmtMs(pick(r))}${r.ok ? '' : ' ✗'}` : 'not run';
    };
    const [pl, pg, pd] = (['pglite', 'postgres', 'pouchdb'] as const).map((s) => {
      const r = get(s);
      return r ? pick(r) : null;
    });
    return [name, cell('pglite'), cell('postgres'), cell('pouchdb'), ratio(pd, pl), ratio(pd, pg)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.info(`\n${title}`);
  console.info(fmt(header));
  console.info(`|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  lines.forEach((l) => console.info(fmt(l)));
};

const main = async () => {
  const started = Date.now();
  const sampleMember = rosterMember('ST-SAMPLE', 12345);
  const machine = machineInfo();
  console.info(`Sync benchmark — ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}${QUICK ? ' — QUICK sizes' : ''}`);
  console.info(
    `Roster document: ${jsonBytes(sampleMember)} B as our wire JSON, ${jsonBytes(toPouch('member', sampleMember))} B as a PouchDB doc (before _rev); ` +
      `check-in ${jsonBytes(deskCheckIn('ST-SAMPLE', 'DESK-B', 1))} B.`,
  );
  const versions: Record<string, string> = {};
  const want = (id: StackId) => !ONLY || ONLY.includes(id);
  if (want('pglite')) await runStack(() => ourStack('pglite'), 'ours · PGlite', versions);
  if (want('postgres')) await runStack(() => ourStack('postgres'), 'ours · PostgreSQL', versions);
  if (want('pouchdb')) await runStack(() => pouchStack(), 'PouchDB', versions);

  console.info('\nTimes; ratio = PouchDB time / ours (>1: we are faster). ✗ = correctness check failed (see above).');
  table(
    '1. Initial replication to a fresh desk (server pre-loaded)',
    CONFIG.initial.map(({ docs, batch, runs }) => ({ name: `${docs / 1000}k docs, batch ${batch}${runs > 1 ? `, ${runs > 2 ? 'median' : 'mean'} of ${runs}` : ''}`, workload: WORKLOADS.initial(docs), pick: (r) => r.ms })),
  );
  table(`2. Offline backlog: ${CONFIG.backlog.docs / 1000}k check-ins written offline, drained after reconnect`, [
    { name: `drain, push batch ${CONFIG.backlog.batch}, ${CONFIG.backlog.runs > 2 ? 'median' : 'mean'} of ${CONFIG.backlog.runs}`, workload: WORKLOADS.backlog, pick: (r) => r.ms },
    { name: '(local offline write, not timed)', workload: WORKLOADS.backlog, pick: (r) => r.detail.localWriteMs as number | undefined },
  ]);
  table(`3. Live change: desk A writes one check-in, desk B has it (${CONFIG.latency.samples} changes after ${CONFIG.latency.warmup} warm-up)`, [
    { name: 'median', workload: WORKLOADS.latency, pick: (r) => r.latency?.median },
    { name: 'p95', workload: WORKLOADS.latency, pick: (r) => r.latency?.p95 },
  ]);

  const failures = results.filter((r) => !r.ok);
  const seconds = Math.round((Date.now() - started) / 1000);
  console.info(`\nWhole run: ${seconds} s.`);
  if (failures.length) {
    console.error(`\nCORRECTNESS: ${failures.length} run(s) did not check out:`);
    for (const f of failures) console.error(`  ${f.stack} · ${f.workload}: ${f.problems.join('; ')}`);
    process.exitCode = 2;
  }

  const date = new Date().toISOString().slice(0, 10);
  const dir = resolve('bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `sync-${date}${QUICK ? '-quick' : ''}.json`);
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        benchmark: 'sync',
        date: new Date().toISOString(),
        quick: QUICK,
        machine,
        versions,
        config: CONFIG,
        docBytes: { member: jsonBytes(sampleMember), memberPouch: jsonBytes(toPouch('member', sampleMember)), checkIn: jsonBytes(deskCheckIn('ST-SAMPLE', 'DESK-B', 1)) },
        method: {
          ours: 'Fastify server (server/app.ts) in the bench process; desks = real desk code (RxDB 17 memory storage + src-renderer/data/replication.ts) in worker threads',
          pouchdb: 'pouchdb-server --in-memory as a child process; desks = PouchDB + memory adapter in worker threads, db.sync(remote, { live, retry, batch_size })',
          initial: 'from replication start until the last document is written to the desk’s local database (worker clock)',
          backlog: 'writes made while replication is stopped; from restart until the last push response acknowledging them arrives at the desk',
          latency: 'from just before A’s local insert until B’s local database emits the change (two worker clocks on one machine, performance.timeOrigin + now())',
        },
        seconds,
        results,
      },
      null,
      2,
    )}\n`,
  );
  console.info(`Results written to ${file}`);
};

await main();
