// `npm start`: build the desk, then open it in Electron. Where the Electron binary is missing
// (it cannot be downloaded on an offline machine), serve the same desk as the web build and
// print its address instead.
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';
import { serveWeb } from './serve-web.mjs';

const step = (label, args) => {
  console.info(`» ${label}`);
  const result = spawnSync('npm', ['run', '--silent', ...args], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!process.argv.includes('--no-build')) step('building the desk', ['build']);

const binary = electronBinary();
if (binary.path && !process.env.STATION_DESK_WEB) {
  console.info('» opening the desk app (Electron)');
  const child = spawn(binary.path, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.info(`» Electron is not available (${binary.reason ?? 'STATION_DESK_WEB set'}); serving the web build instead`);
  const { url } = await serveWeb({ port: Number(process.env.PORT ?? 5180) });
  console.info(`\n  驿站前台 Station Desk is running at ${url}\n  Open it in a browser. Press Ctrl+C to stop.\n`);
}
