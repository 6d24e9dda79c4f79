/**
 * The scan benchmark's web site, on one origin: the desk app built by Vite exactly as shipped
 * (into a folder of its own, so dist/ is left alone), and the bench page beside it under
 * /__bench/ (bundled with esbuild), so the page loads the very IndexedDB database the app opens.
 * Served by a plain static server on a fixed port: IndexedDB belongs to the origin, port included,
 * so a cached browser profile is found again only on the same port.
 */
import { build as esbuild } from 'esbuild';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { build as viteBuild } from 'vite';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wav': 'audio/wav',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** `minify: false` keeps function names readable in CPU profiles (bench/scan/profile-app.ts). */
export const buildSite = async (outDir: string, { minify = true } = {}): Promise<void> => {
  const root = resolve(outDir);
  await viteBuild({ configFile: resolve('vite.config.ts'), logLevel: 'warn', build: { outDir: root, emptyOutDir: true, sourcemap: false, minify } });
  mkdirSync(join(root, '__bench'), { recursive: true });
  await esbuild({
    entryPoints: ['bench/scan/page/main.ts'],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: join(root, '__bench', 'bench.js'),
    define: { 'import.meta.env.DEV': 'false', 'import.meta.env': '{"DEV":false}', 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    logLevel: 'warning',
    minify,
  });
  writeFileSync(join(root, '__bench', 'index.html'), '<!doctype html><meta charset="utf-8"><title>scan bench</title><script type="module" src="./bench.js"></script>\n');
};

export const serveSite = async (outDir: string, port: number): Promise<{ url: string; close(): Promise<void> }> => {
  const root = resolve(outDir);
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveListen());
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
};
