/**
 * Developer tool (not a benchmark): a CPU profile of the desk app on the scan benchmark's data,
 * as self time per function (an unminified build, so names are readable). Run after
 * `npm run bench:scan` has loaded the data:
 *
 *   npx tsx bench/scan/profile-app.ts [--quick] [--scans=N]   steady scans (after 15 warm-up ones)
 *   npx tsx bench/scan/profile-app.ts --startup               from opening the app to its first scan
 *   npx tsx bench/scan/profile-app.ts --cards=A,B [--trace-cursors]   these scans, and any IndexedDB
 *                                                   cursor that reads over 500 rows meanwhile
 *   --seed=N picks the random members
 */
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { demoCardNo } from '../../shared/demo/members';
import { openCheckIn, timeScan } from './app-scans';
import { buildSite, serveSite } from './site';

const QUICK = process.argv.includes('--quick');
const STARTUP = process.argv.includes('--startup');
const SCANS = Number(process.argv.find((a) => a.startsWith('--scans='))?.split('=')[1] ?? 40);
const MEMBERS = QUICK ? 20_000 : 200_000;
const SITE = '.data/bench/scan-site-profile';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const report = (profile: Profile, per: number, label: string) => {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFn = new Map<string, number>();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const file = f.url.split('/').pop() || '(native)';
    const key = `${f.functionName || '(anon)'} ${file}:${f.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + (self.get(node.id) ?? 0));
  }
  console.info(`\nself time by function (${label}):`);
  for (const [k, v] of [...byFn.entries()].sort((a, b) => b[1] - a[1]).slice(0, 50)) console.info(`  ${(v / 1000 / per).toFixed(2).padStart(9)} ms  ${k}`);
};

const main = async () => {
  await buildSite(SITE, { minify: false });
  const site = await serveSite(SITE, 5199);
  const context = await chromium.launchPersistentContext(resolve(`.data/bench/scan-profile-${QUICK ? 'quick' : 'full'}`), {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  let n = Number(process.argv.find((a) => a.startsWith("--seed="))?.split("=")[1] ?? Date.now() % MEMBERS);
  const next = () => demoCardNo((n = (n * 7919 + 13) % MEMBERS) + 1);
  try {
    if (STARTUP) {
      const blank = await context.newPage();
      const cdp = await context.newCDPSession(blank);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      const started = Date.now();
      const app = await openCheckIn(context, site.url, blank);
      const ready = Date.now() - started;
      const first = await timeScan(app, next(), 0, 300_000);
      console.info(`signed in after ${ready} ms; the first scan painted ${Math.round(first.paintedMs)} ms after its Enter`);
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
      report(profile, 1, 'start-up to the first scan, total');
      return;
    }
    if (process.argv.includes('--trace-cursors')) {
      await context.addInitScript(() => {
        const open = IDBIndex.prototype.openCursor;
        IDBIndex.prototype.openCursor = function (this: IDBIndex, ...args: Parameters<IDBIndex['openCursor']>) {
          const req = open.apply(this, args);
          const started = performance.now();
          let rows = 0;
          req.addEventListener('success', () => {
            if (req.result) rows++;
            else if (rows > 500) {
              const r = args[0] as IDBKeyRange | null;
              console.warn(`cursor ${this.objectStore.name}.${this.name} [${JSON.stringify(r?.lower)} .. ${JSON.stringify(r?.upper)}]: ${rows} rows, ${Math.round(performance.now() - started)} ms\n${new Error().stack}`);
            }
          });
          return req;
        };
      });
    }
    const app = await openCheckIn(context, site.url);
    app.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && console.error(`page ${m.type()}: ${m.text()}`));
    app.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    const cards = process.argv.find((a) => a.startsWith('--cards='))?.split('=')[1]?.split(',');
    if (cards) {
      const cdp = await context.newCDPSession(app);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
      for (const card of cards) {
        const t = await timeScan(app, card, 150, 120_000).catch((e: Error) => e.message);
        console.info(card, JSON.stringify(t));
      }
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
      report(profile, 1, `the scans of ${cards.join(', ')}`);
      writeFileSync('/tmp/scan.cpuprofile', JSON.stringify(profile));
      return;
    }
    for (let i = 0; i < 45; i++) await timeScan(app, next(), 150, 120_000);
    const cdp = await context.newCDPSession(app);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const times: number[][] = [];
    for (let i = 0; i < SCANS; i++) {
      const t = await timeScan(app, next(), 150);
      times.push([t.committedMs, t.paintedMs]);
    }
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    console.info('committed / painted (ms):', times.map((t) => t.map((x) => Math.round(x)).join('/')).join(' '));
    report(profile, SCANS, 'per scan');
    writeFileSync('/tmp/scan.cpuprofile', JSON.stringify(profile));
  } finally {
    await context.close();
    await site.close();
  }
};

await main();
