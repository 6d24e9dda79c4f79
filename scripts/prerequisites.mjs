// What `npm test` needs from the machine, checked before any gate runs (scripts/test-all.mjs):
// Debian's Chromium for the E2E tests and PostgreSQL for the *.pg tests. Each missing one is
// printed with the command that fixes it and counts as a failure in the closing line.
// Also: `node scripts/prerequisites.mjs` alone prints the check (exit 1 if something is missing),
// and `node scripts/prerequisites.mjs --bench` installs bench/'s own dependencies (the PouchDB
// peers, bench/package.json) when bench/node_modules is missing — `npm run bench*` call it first.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The same path playwright.config.ts launches (CHROMIUM_PATH overrides Debian's /usr/bin/chromium). */
export const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where the *.pg tests connect (server/testing/test-db.ts: TEST_DATABASE_URL, default 127.0.0.1:5432). */
export const postgresTarget = () => {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  return { host: url.hostname || '127.0.0.1', port: Number(url.port || 5432) };
};

const isExecutable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;

const tcpReachable = (host, port, timeoutMs = 2000) =>
  new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });

const checkChromium = () => {
  const path = chromiumPath();
  if (existsSync(path) && isExecutable(path)) return { name: 'chromium', ok: true, detail: path };
  const custom = process.env.CHROMIUM_PATH !== undefined;
  return {
    name: 'chromium',
    ok: false,
    detail: `${path} ${existsSync(path) ? 'is not executable' : 'not found'}${custom ? ' (from CHROMIUM_PATH)' : ''}: the E2E tests cannot run`,
    fix: [
      'sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk',
      ...(custom ? ['or unset CHROMIUM_PATH / point it at an installed Chromium'] : []),
    ],
  };
};

const checkPostgres = async () => {
  const { host, port } = postgresTarget();
  const where = `${host}:${port}`;
  let ok;
  let how;
  if (onPath('pg_isready')) {
    ok = spawnSync('pg_isready', ['-h', host, '-p', String(port), '-q'], { timeout: 10_000 }).status === 0;
    how = 'pg_isready';
  } else {
    ok = await tcpReachable(host, port);
    how = 'TCP connect';
  }
  if (ok) return { name: 'postgresql', ok: true, detail: `${where} accepting connections (${how})` };
  const installed = existsSync('/etc/postgresql') && readdirSync('/etc/postgresql').length > 0;
  const start = 'sudo pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql | head -n1) main start';
  return {
    name: 'postgresql',
    ok: false,
    detail: `nothing accepting connections at ${where} (${how}): the *.pg tests will fail`,
    fix: installed
      ? [start]
      : ['sudo apt-get update && sudo apt-get install -y postgresql', `then: ${start}`],
  };
};

/** Runs every check and prints one line each (with the fix under a missing one). */
export const checkPrerequisites = async () => {
  const checks = [checkChromium(), await checkPostgres()];
  for (const c of checks) {
    console.info(`${c.ok ? 'ok     ' : 'MISSING'} ${c.name.padEnd(10)} ${c.detail}`);
    for (const line of c.fix ?? []) console.info(`        fix: ${line}`);
  }
  return checks;
};

/** Installs bench/package.json's exact dependencies (its lockfile) when bench/node_modules is missing. */
export const ensureBenchDependencies = () => {
  if (existsSync(join(ROOT, 'bench', 'node_modules'))) return true;
  console.info('[bench] bench/node_modules is missing: installing the benchmark peers (npm run bench:setup)');
  const proc = spawnSync('npm', ['--prefix', join(ROOT, 'bench'), 'ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (proc.status === 0) return true;
  console.error('[bench] could not install bench/ dependencies; run `npm run bench:setup` (npm --prefix bench ci) and retry');
  return false;
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--bench')) {
    process.exit(ensureBenchDependencies() ? 0 : 1);
  } else {
    const checks = await checkPrerequisites();
    process.exit(checks.every((c) => c.ok) ? 0 : 1);
  }
}
