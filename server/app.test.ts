// The server's infrastructure: health and readiness, OpenAPI docs of the sync protocol, security
// headers with the strict CSP, CORS only for the Electron desk, the web build served.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { createTestDatabase, type TestDatabase } from './testing/test-db';

describe('server infrastructure', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  const web = mkdtempSync(join(tmpdir(), 'sd-web-'));

  beforeAll(async () => {
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>desk</title>');
    t = await createTestDatabase('pglite');
    app = await buildApp({ db: t.db, webRoot: web, adminToken: 'x'.repeat(32) });
  });
  afterAll(async () => {
    await app.close();
    await t.dispose();
    rmSync(web, { recursive: true, force: true });
  });

  it('answers health and readiness', async () => {
    expect((await app.inject('/health')).json()).toEqual({ ok: true });
    expect((await app.inject('/ready')).json()).toEqual({ ok: true, database: 'pglite' });
  });

  it('reports not ready when the database is gone', async () => {
    const other = await createTestDatabase('pglite');
    const lonely = await buildApp({ db: other.db });
    await other.db.close();
    const res = await lonely.inject('/ready');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ error: { code: 'UNAVAILABLE' } });
    await lonely.close();
  });

  it('documents the API with OpenAPI', async () => {
    const doc = (await app.inject('/api/docs/json')).json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/sync/{collection}/pull', '/api/sync/{collection}/push', '/api/sync/stream', '/api/devices/enroll', '/api/devices/refresh']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  it('serves the web build under a strict CSP without eval', async () => {
    const res = await app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>desk</title>');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('allows cross-origin calls from the Electron desk only', async () => {
    const preflight = (origin: string) =>
      app.inject({
        method: 'OPTIONS',
        url: '/api/sync/checkins/pull',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization,x-station-desk-protocol' },
      });
    const desk = await preflight('app://desk');
    expect(desk.headers['access-control-allow-origin']).toBe('app://desk');
    expect(String(desk.headers['access-control-allow-headers'])).toContain('x-station-desk-protocol');
    const evil = await preflight('https://evil.example');
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
  });
});
