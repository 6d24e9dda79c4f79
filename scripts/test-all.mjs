// `npm test`: every gate in order — typecheck, lint, unit + integration tests (Vitest), build,
// E2E (Playwright in Debian's Chromium). Prints per-stage results and a closing line
// `N passed, N failed` summed from the real counts (a failed gate counts as one failure).
// First of all it checks the machine (scripts/prerequisites.mjs: Chromium, PostgreSQL): each
// missing prerequisite is printed with its fix and counts as one failure; the rest still runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { checkPrerequisites } from './prerequisites.mjs';

console.info('=== prerequisites ===');
const prerequisites = await checkPrerequisites();
const missing = prerequisites.filter((c) => !c.ok);
const chromiumOk = prerequisites.find((c) => c.name === 'chromium')?.ok ?? false;

const results = [];
results.push({ name: 'prerequisites', passed: 0, failed: missing.length, skipped: 0, seconds: 0 });
const run = (cmd, args, env = {}) => {
  const started = Date.now();
  const proc = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return { ok: proc.status === 0, seconds: Math.round((Date.now() - started) / 1000) };
};

const gate = (name, cmd, args) => {
  console.info(`\n=== ${name} ===`);
  const { ok, seconds } = run(cmd, args);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, seconds });
  return ok;
};

/** Titles and reasons of skipped Playwright tests, so a skip is never silent. */
const skippedE2e = (report) => {
  const found = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'skipped') continue;
        const reason = (t.annotations ?? []).find((a) => a.type === 'skip')?.description ?? 'no reason given';
        found.push(`${spec.title}: ${reason}`);
      }
    }
    (suite.suites ?? []).forEach(walk);
  };
  (report.suites ?? []).forEach(walk);
  return found;
};
const skipNotes = [];

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

mkdirSync('test-results', { recursive: true });

gate('typecheck', 'npm', ['run', '--silent', 'typecheck']);
gate('lint', 'npm', ['run', '--silent', 'lint']);

console.info('\n=== unit + integration (vitest) ===');
rmSync('test-results/vitest.json', { force: true });
const unit = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
const vitest = readJson('test-results/vitest.json');
if (vitest) {
  const skipped = (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  const failed = vitest.numFailedTests + (unit.ok || vitest.numFailedTests > 0 ? 0 : 1);
  results.push({ name: 'vitest', passed: vitest.numPassedTests, failed, skipped, seconds: unit.seconds });
} else {
  results.push({ name: 'vitest', passed: 0, failed: 1, skipped: 0, seconds: unit.seconds });
}

const built = gate('build', 'npm', ['run', '--silent', 'build']);
if (built && !chromiumOk) {
  console.info('\n=== e2e (playwright, chromium) ===\nnot run: Chromium is missing (counted as a failure under prerequisites)');
} else if (built) {
  console.info('\n=== e2e (playwright, chromium) ===');
  rmSync('test-results/e2e-report.json', { force: true });
  const e2e = run('npx', ['playwright', 'test']);
  const report = readJson('test-results/e2e-report.json');
  if (report?.stats) {
    const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
    const failed = unexpected + (e2e.ok || unexpected > 0 ? 0 : 1);
    results.push({ name: 'e2e', passed: expected + flaky, failed, skipped, seconds: e2e.seconds });
    skipNotes.push(...skippedE2e(report).map((s) => `e2e skipped — ${s}`));
  } else {
    results.push({ name: 'e2e', passed: 0, failed: 1, skipped: 0, seconds: e2e.seconds });
  }
}

console.info('\n=== summary ===');
for (const r of results) {
  console.info(`${r.name.padEnd(13)} ${String(r.passed).padStart(5)} passed ${String(r.failed).padStart(4)} failed ${String(r.skipped).padStart(4)} skipped  (${r.seconds}s)`);
}
const total = (key) => results.reduce((sum, r) => sum + r[key], 0);
const skipped = total('skipped');
for (const note of skipNotes) console.info(note);
for (const c of missing) console.info(`prerequisite missing — ${c.name}: ${c.detail}; fix: ${c.fix.join('; ')}`);
if (skipped > 0) console.info(`${skipped} skipped (not counted as passed)`);
console.info(`${total('passed')} passed, ${total('failed')} failed`);
process.exit(total('failed') > 0 ? 1 : 0);
