// app://desk/ file serving: path resolution must never leave dist/renderer, and every response
// carries the strict Content-Security-Policy.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCsp, contentTypeOf, installAppProtocol, registerAppScheme, resolveAppPath, serveAppRequest, serverOriginOf } from './app-protocol';

const ROOT = path.resolve('/srv/desk/dist/renderer');

describe('resolveAppPath', () => {
  it.each([
    ['app://desk/', 'index.html'],
    ['app://desk', 'index.html'],
    ['app://desk/index.html', 'index.html'],
    ['app://desk/assets/index-abc123.js', 'assets/index-abc123.js'],
    ['app://desk/assets/%E5%9B%BE%E6%A0%87.svg', 'assets/图标.svg'],
    ['app://desk/a/./b.js', 'a/b.js'],
    ['app://desk/a/../b.js', 'b.js'], // resolved by the URL parser, still inside
    ['app://desk/sounds/ok.mp3?v=2#t', 'sounds/ok.mp3'],
  ])('serves %s from %s', (url, relative) => {
    expect(resolveAppPath(url, ROOT)).toBe(path.join(ROOT, relative));
  });

  it.each([
    ['encoded slash dot-dot', 'app://desk/..%2f..%2fetc%2fpasswd'],
    ['mixed encoded dot-dot', 'app://desk/assets/%2E./%2e%2E%2Fsecret'],
    ['encoded single dot segment', 'app://desk/assets%2f.%2fapp.js'],
    ['backslash traversal', 'app://desk/..\\..\\Windows\\win.ini'],
    ['encoded backslash traversal', 'app://desk/..%5c..%5cWindows%5cwin.ini'],
    ['absolute Windows path', 'app://desk/C:/Windows/win.ini'],
    ['encoded drive letter', 'app://desk/C%3A%5CWindows%5Cwin.ini'],
    ['NUL byte', 'app://desk/index.html%00.png'],
    ['malformed percent-encoding', 'app://desk/%E0%A4%A'],
    ['other host', 'app://evil/index.html'],
    ['look-alike host', 'app://desk.evil/index.html'],
    ['user info', 'app://desk@evil/index.html'],
    ['port', 'app://desk:1234/index.html'],
    ['other scheme', 'file:///srv/desk/dist/renderer/index.html'],
    ['http', 'http://desk/index.html'],
    ['not a URL', '/index.html'],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppPath(url, ROOT)).toBeNull();
  });

  it.each([
    ['literal dot-dot (clamped by the URL parser)', 'app://desk/../../etc/passwd', 'etc/passwd'],
    ['%2e%2e segments (the URL parser treats them as ..)', 'app://desk/%2e%2e/%2E%2e/etc/passwd', 'etc/passwd'],
    ['double-encoded dot-dot (a literal file name)', 'app://desk/%252e%252e/x', '%2e%2e/x'],
    ['encoded leading slash', 'app://desk/%2Fetc%2Fpasswd', 'etc/passwd'],
  ])('keeps %s inside the root', (_name, url, relative) => {
    expect(resolveAppPath(url, ROOT)).toBe(path.join(ROOT, relative));
  });
});

describe('buildCsp', () => {
  const directives = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0], d] as const));

  it('is strict without an enrolled server', () => {
    const csp = directives(buildCsp(null));
    expect(csp.get('default-src')).toBe("default-src 'self'");
    expect(csp.get('script-src')).toBe("script-src 'self'");
    expect(csp.get('style-src')).toBe("style-src 'self' 'unsafe-inline'");
    expect(csp.get('img-src')).toBe("img-src 'self' data: blob:");
    expect(csp.get('media-src')).toBe("media-src 'self' blob:");
    expect(csp.get('connect-src')).toBe("connect-src 'self'");
    expect(csp.get('worker-src')).toBe("worker-src 'self' blob:");
    expect(csp.get('object-src')).toBe("object-src 'none'");
    expect(csp.get('base-uri')).toBe("base-uri 'none'");
    expect(csp.get('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(buildCsp(null)).not.toMatch(/unsafe-eval|wasm-unsafe-eval|\*/);
  });

  it('adds only the enrolled server origin to connect-src', () => {
    expect(buildCsp('https://union.example.cn:8443/desk-api')).toContain("connect-src 'self' https://union.example.cn:8443;");
    expect(buildCsp('http://192.168.1.20:3000')).toContain("connect-src 'self' http://192.168.1.20:3000;");
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc',
    'https://user:pw@union.example.cn',
    "https://a.cn; script-src 'unsafe-eval'",
    'not a url',
    '',
  ])('never lets %j into the policy', (url) => {
    const csp = buildCsp(url);
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toContain('unsafe-eval');
    expect(serverOriginOf(url)).toBeNull();
  });
});

describe('serveAppRequest', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'desk-renderer-'));
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Station Desk</title>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(root, '..', `${path.basename(root)}-secret.txt`), 'secret');
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(path.join(root, '..', `${path.basename(root)}-secret.txt`), { force: true });
  });
  const options = () => ({ rootDir: root, serverUrl: () => 'https://union.example.cn' });

  it('serves files with their type, nosniff and the CSP naming the server', async () => {
    const response = await serveAppRequest({ url: 'app://desk/assets/app.js', method: 'GET' }, options());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self' https://union.example.cn");
    expect(await response.text()).toBe('console.log(1)');
  });

  it('falls back to index.html for client-side routes, not for missing assets', async () => {
    const route = await serveAppRequest({ url: 'app://desk/check-in', method: 'GET' }, options());
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('Station Desk');
    const asset = await serveAppRequest({ url: 'app://desk/assets/missing.js', method: 'GET' }, options());
    expect(asset.status).toBe(404);
  });

  it('answers 404 with the CSP for traversal attempts', async () => {
    const response = await serveAppRequest({ url: `app://desk/..%2f${path.basename(root)}-secret.txt`, method: 'GET' }, options());
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await serveAppRequest({ url: 'app://desk/index.html', method: 'POST' }, options())).status).toBe(405);
    expect((await serveAppRequest({ url: 'app://desk/index.html', method: 'HEAD' }, options())).status).toBe(200);
  });

  it('knows the types Vite emits', () => {
    expect(contentTypeOf('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('a.WOFF2')).toBe('font/woff2');
    expect(contentTypeOf('a.unknown')).toBe('application/octet-stream');
  });
});

describe('protocol registration', () => {
  it('registers app:// as standard and secure, without CORS or CSP bypass', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    const [[schemes]] = protocol.registerSchemesAsPrivileged.mock.calls as [[{ scheme: string; privileges: Record<string, boolean> }[]]];
    expect(schemes).toHaveLength(1);
    expect(schemes[0]?.scheme).toBe('app');
    expect(schemes[0]?.privileges).toMatchObject({ standard: true, secure: true });
    expect(schemes[0]?.privileges).not.toHaveProperty('bypassCSP');
    expect(schemes[0]?.privileges).not.toHaveProperty('corsEnabled');
    expect(schemes[0]?.privileges).not.toHaveProperty('allowServiceWorkers');
  });

  it('handles the app scheme through serveAppRequest', async () => {
    const protocol = { handle: vi.fn() };
    installAppProtocol(protocol, { rootDir: ROOT, serverUrl: () => null });
    const [[scheme, handler]] = protocol.handle.mock.calls as [[string, (r: { url: string; method: string }) => Promise<Response>]];
    expect(scheme).toBe('app');
    expect((await handler({ url: 'app://evil/index.html', method: 'GET' })).status).toBe(404);
  });
});
