// Finds the Electron executable without triggering a download. Electron 45's npm package has
// no install script: `require('electron')` downloads the binary on first use and throws
// "Electron failed to install correctly" when it cannot (no network here). This check looks
// for the binary first and only then asks the package, so it never reaches for the network.
// Used by `npm start` (fall back to the web build) and the Electron E2E (skip with a reason).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** @returns {{ path: string, reason: null } | { path: null, reason: string }} */
export function electronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'the electron npm package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!existsSync(pathFile) && !override) {
    return { path: null, reason: 'Electron binary not installed (node_modules/electron/path.txt is missing: the binary was never downloaded, and there is no network to download it)' };
  }
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const expected = override ? path.join(override, relative) : path.join(packageDir, 'dist', relative);
  if (!existsSync(expected)) {
    return { path: null, reason: `Electron binary not installed (${expected} does not exist; no network to download it)` };
  }
  try {
    const binary = require('electron');
    if (typeof binary === 'string' && existsSync(binary)) return { path: binary, reason: null };
    return { path: null, reason: `require('electron') returned ${String(binary)}, which is not an executable` };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { path: null, reason: `Electron binary not usable: ${message}` };
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const found = electronBinary();
  console.info(found.path ?? `none: ${found.reason}`);
  process.exitCode = found.path ? 0 : 1;
}
