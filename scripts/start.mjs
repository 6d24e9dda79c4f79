// `npm start`: build the desk, start the central server on embedded PGlite (data in
// .data/server) with the demo station, then open the desk already enrolled — in Electron, or,
// where the Electron binary is missing (it cannot be downloaded offline), as the web build
// served by the same server, at a printed address. DATABASE_URL switches the server to
// PostgreSQL. Ctrl+C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';

const PORT = process.env.PORT ?? '5180';

const step = (label, args) => {
  console.info(`» ${label}`);
  const result = spawnSync('npm', ['run', '--silent', ...args], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!process.argv.includes('--no-build')) step('building the desk', ['build']);

console.info(`» starting the central server (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite in .data/server'})`);
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--demo'], {
  env: { ...process.env, PORT, STATION_DESK_READY_LINE: '1', STATION_DESK_WEB_ROOT: 'dist/renderer', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const stopAll = (code = 0) => {
  server.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
};
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
server.on('exit', (code) => {
  console.info(`server stopped (${code ?? 0})`);
  process.exit(code ?? 0);
});

let buffer = '';
server.stdout.on('data', (chunk) => {
  buffer += chunk.toString();
  let newline;
  while ((newline = buffer.indexOf('\n')) >= 0) {
    const line = buffer.slice(0, newline);
    buffer = buffer.slice(newline + 1);
    const ready = /^STATION_DESK_READY (.*)$/.exec(line);
    if (ready) openDesk(JSON.parse(ready[1]));
    else console.info(line);
  }
});

function openDesk({ url, code }) {
  const binary = electronBinary();
  if (binary.path && !process.env.STATION_DESK_WEB) {
    console.info('» opening the desk app (Electron), enrolled at the demo station');
    const desk = spawn(binary.path, ['.'], { stdio: 'inherit', env: { ...process.env, STATION_DESK_ENROLL: `${url} ${code}` } });
    desk.on('exit', (exitCode) => stopAll(exitCode ?? 0));
    return;
  }
  console.info(`» Electron is not available (${binary.reason ?? 'STATION_DESK_WEB set'}); the desk runs as the web build.`);
  console.info(`\n  驿站前台 Station Desk — open this address in a browser (enrolls this browser as a demo desk):\n\n    ${url}/#enroll=${code}\n`);
  console.info(`  Staff PINs: 李前台 1234 (desk), 王站长 9999 (manager). Ctrl+C stops the server.\n`);
}
