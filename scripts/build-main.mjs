// Bundles the Electron main process and the preload with esbuild:
//   src-main/index.ts         → dist/main/index.cjs    (Node, CommonJS; electron external)
//   src-main/preload/index.ts → dist/main/preload.cjs  (sandboxed preload: one file, requires only 'electron')
// The build fails if the preload would require anything but 'electron' (a sandboxed preload cannot).
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist/main');

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  external: ['electron'],
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  absWorkingDir: root,
};

const main = build({
  ...common,
  entryPoints: ['src-main/index.ts'],
  outfile: path.join(outdir, 'index.cjs'),
  target: 'node20',
});

const preload = build({
  ...common,
  entryPoints: ['src-main/preload/index.ts'],
  outfile: path.join(outdir, 'preload.cjs'),
  target: 'chrome120',
});

const [, preloadResult] = await Promise.all([main, preload]);

const requires = Object.values(preloadResult.metafile.outputs)
  .flatMap((output) => output.imports)
  .map((entry) => entry.path)
  .filter((name) => name !== 'electron');
if (requires.length > 0) {
  console.error(`build-main: the sandboxed preload may only require 'electron', but requires: ${requires.join(', ')}`);
  process.exit(1);
}
console.info(`build-main: wrote ${path.relative(root, path.join(outdir, 'index.cjs'))} and ${path.relative(root, path.join(outdir, 'preload.cjs'))}`);
