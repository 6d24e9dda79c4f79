/**
 * Threat: loading the UI from file:// gives pages file-system-wide reach (any file:// URL is
 * "same origin"), and a UI without a Content-Security-Policy runs injected inline scripts or
 * eval. Closed by serving only dist/renderer from the privileged app://desk origin, refusing
 * any path that escapes that folder, and sending a strict CSP with every response.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { APP_SCHEME, isAppUrl } from './app-origin';

/** Must run before app 'ready': makes app:// a standard, secure origin with fetch support. */
export const registerAppScheme = (protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void => {
  // corsEnabled stays off on purpose: it would let other origins read app:// responses.
  // stream: media elements (the check-in sounds) read app:// responses as streams.
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, stream: true } },
  ]);
};

/** The origin of the enrolled server for connect-src, or null when `url` is not a clean http(s) URL. */
export const serverOriginOf = (url: string | null | undefined): string | null => {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    if (parsed.username || parsed.password || !parsed.hostname) return null;
    return parsed.origin;
  } catch {
    return null;
  }
};

/** The Content-Security-Policy of every app:// response. */
export const buildCsp = (serverUrl: string | null): string => {
  const server = serverOriginOf(serverUrl);
  return [
    "default-src 'self'",
    "script-src 'self'",
    // antd's CSS-in-JS injects <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    `connect-src 'self'${server ? ` ${server}` : ''}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
};

/**
 * Maps an app://desk/ request URL to a file under `rootDir`, or null when it must not be
 * served: another scheme or host, user info, undecodable or NUL-containing paths, backslashes,
 * drive letters, or anything that resolves outside `rootDir` after decoding.
 */
export const resolveAppPath = (requestUrl: string, rootDir: string): string | null => {
  if (!isAppUrl(requestUrl)) return null;
  const parsed = new URL(requestUrl);
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.includes(':')) return null;
  // Literal '..' was already resolved by the URL parser; one that appears only after decoding is an attack.
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return null;
  const relative = path.posix.normalize(decoded === '/' || decoded === '' ? '/index.html' : decoded);
  const root = path.resolve(rootDir);
  const target = path.resolve(root, `.${relative}`);
  const fromRoot = path.relative(root, target);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return null;
  return target;
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.txt': 'text/plain; charset=utf-8',
};

export const contentTypeOf = (filePath: string): string => MIME[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';

export interface AppProtocolOptions {
  /** dist/renderer */
  rootDir: string;
  /** The enrolled server's URL, read per request so a new enrollment takes effect on reload. */
  serverUrl: () => string | null;
}

const isFile = async (file: string): Promise<boolean> => {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
};

/** Answers one app:// request. Unknown extension-less paths fall back to index.html (client routes). */
export const serveAppRequest = async (request: { url: string; method: string }, options: AppProtocolOptions): Promise<Response> => {
  const headers = {
    'Content-Security-Policy': buildCsp(options.serverUrl()),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405, headers });
  let file = resolveAppPath(request.url, options.rootDir);
  if (!file) return new Response('Not found', { status: 404, headers });
  if (!(await isFile(file))) {
    if (path.extname(file) !== '') return new Response('Not found', { status: 404, headers });
    file = path.join(path.resolve(options.rootDir), 'index.html');
  }
  try {
    const body = request.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': contentTypeOf(file) } });
  } catch {
    return new Response('Not found', { status: 404, headers });
  }
};

/** Serves app://desk/ from `rootDir`. After app 'ready'. */
export const installAppProtocol = (protocol: Pick<Protocol, 'handle'>, options: AppProtocolOptions): void => {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest({ url: request.url, method: request.method }, options));
};
