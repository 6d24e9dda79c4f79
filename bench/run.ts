/**
 * `npm run bench`: every benchmark in bench/*.bench.ts, one after another, each in its own
 * process (arguments are passed on, e.g. `npm run bench -- --quick`). Benchmarks are never tests:
 * the exit code says only whether a benchmark crashed or failed its own correctness checks.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const files = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const failed: string[] = [];
for (const file of files) {
  console.info(`\n=== bench/${file} ===`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join('bench', file), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (run.status !== 0) failed.push(`${file} (exit ${run.status ?? run.signal})`);
}
console.info(`\n${files.length - failed.length} of ${files.length} benchmark(s) completed${failed.length ? `; not cleanly: ${failed.join(', ')}` : ''}.`);
if (failed.length) process.exitCode = 1;
