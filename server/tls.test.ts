// HTTPS on a station's LAN: the server serves https with a configured PEM certificate (a real
// one made by openssl here, trusted by the client as a tablet would trust the union's CA), and
// refuses half or broken configuration with a clear message.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { createTestDatabase } from './testing/test-db';
import { loadTls } from './tls';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
/** A database, an app and a TLS handshake: seconds idle, much more beside other jobs on two cores. */
const HTTPS_TEST_LIMIT_MS = 120_000;
const dir = mkdtempSync(join(tmpdir(), 'station-desk-tls-'));
const certFile = join(dir, 'cert.pem');
const keyFile = join(dir, 'key.pem');

beforeAll(() => {
  if (!hasOpenssl) return;
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=station-lan', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile], { stdio: 'ignore' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (url: string, ca: Buffer) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(url, { ca }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });

describe('HTTPS with a configured certificate', () => {
  it.skipIf(!hasOpenssl)('serves the API over https to a client that trusts the certificate (skipped where openssl is missing: apt-get install openssl)', async () => {
    const tls = loadTls({ TLS_CERT_FILE: certFile, TLS_KEY_FILE: keyFile });
    expect(tls).not.toBeNull();
    const db = await createTestDatabase('pglite');
    const app = await buildApp({ db: db.db, https: tls });
    try {
      const url = await app.listen({ host: '127.0.0.1', port: 0 });
      expect(url.startsWith('https://')).toBe(true);
      const res = await get(`${url}/health`, tls!.cert);
      expect(res.status).toBe(200);
    } finally {
      await app.close();
      await db.dispose();
    }
  }, HTTPS_TEST_LIMIT_MS);

  it('serves plain http when neither file is set', () => {
    expect(loadTls({})).toBeNull();
  });

  it.each([
    [{ TLS_CERT_FILE: '/x/cert.pem' }, 'both TLS_CERT_FILE and TLS_KEY_FILE'],
    [{ TLS_KEY_FILE: '/x/key.pem' }, 'both TLS_CERT_FILE and TLS_KEY_FILE'],
    [{ TLS_CERT_FILE: '/no/such/cert.pem', TLS_KEY_FILE: '/no/such/key.pem' }, 'TLS_CERT_FILE /no/such/cert.pem cannot be read'],
  ])('refuses %o with a clear message', (env, message) => {
    expect(() => loadTls(env)).toThrow(message);
  });

  it('refuses files that are not PEM', () => {
    const notPem = join(dir, 'not-pem.txt');
    writeFileSync(notPem, 'hello');
    expect(() => loadTls({ TLS_CERT_FILE: notPem, TLS_KEY_FILE: notPem })).toThrow('is not a PEM certificate');
  });
});
