// Serves the built web renderer (dist/renderer) over HTTP with the same strict CSP as the
// desktop shell. Used by `npm start` when no Electron binary exists, and by the E2E tests.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const serveWeb = ({ root = 'dist/renderer', port = 0, host = '127.0.0.1' } = {}) =>
  new Promise((resolvePromise, reject) => {
    const base = resolve(root);
    if (!existsSync(join(base, 'index.html'))) {
      reject(new Error(`${base}/index.html not found: run \`npm run build\` first`));
      return;
    }
    const server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = normalize(join(base, path === '/' ? 'index.html' : path));
      const safe = file === base || file.startsWith(base + sep);
      const target = safe && existsSync(file) && statSync(file).isFile() ? file : join(base, 'index.html');
      res.setHeader('Content-Security-Policy', WEB_CSP);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Type', TYPES[extname(target)] ?? 'application/octet-stream');
      createReadStream(target).pipe(res);
    });
    server.on('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolvePromise({ server, url: `http://${host}:${address.port}` });
    });
  });

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await serveWeb({ port: Number(process.env.PORT ?? 5180) });
  console.info(`Station Desk (web build): ${url}`);
}
