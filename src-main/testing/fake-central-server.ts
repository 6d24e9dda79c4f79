/**
 * A real HTTP server (node:http) standing in for the central server's device endpoints:
 * one-time enrollment codes, short-lived access tokens, rotating refresh tokens with reuse
 * detection (reuse revokes the device), and a few misbehaviours for error-mapping tests.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/protocol/version';

export interface FakeCentralServer {
  url: string;
  requests: { path: string; headers: IncomingMessage['headers']; body: unknown }[];
  /** Behaviour switches for the next requests. */
  mode: 'normal' | 'hang' | 'redirect' | 'html-502' | 'junk-200' | 'weird-error' | 'other-device';
  accessTtlMs: number;
  now: () => number;
  close(): Promise<void>;
}

export const startFakeCentralServer = async (prefix = ''): Promise<FakeCentralServer> => {
  const codes = new Map([['GOOD-CODE', 'valid'], ['OLDCODE1', 'expired']]);
  let device = { id: 'dev-1', station: 'st-9', refresh: '', used: new Set<string>(), revoked: false, serial: 0 };
  const state: FakeCentralServer = {
    url: '',
    requests: [],
    mode: 'normal',
    accessTtlMs: 5 * 60_000,
    now: () => Date.now(),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const refuse = (res: ServerResponse, status: number, code: string, message: string) => send(res, status, { error: { code, message } });
  const tokens = () => {
    device.serial++;
    device.refresh = `refresh-${device.serial}`;
    return {
      deviceId: state.mode === 'other-device' ? 'dev-OTHER' : device.id,
      stationId: device.station,
      accessToken: `access-${device.serial}`,
      accessExpiresAt: state.now() + state.accessTtlMs,
      refreshToken: device.refresh,
    };
  };

  const route = (path: string, body: Record<string, unknown>, req: IncomingMessage, res: ServerResponse) => {
    if (req.headers[PROTOCOL_HEADER] !== String(PROTOCOL_VERSION)) return refuse(res, 400, 'CLIENT_TOO_OLD', 'protocol header missing');
    if (state.mode === 'hang') return;
    if (state.mode === 'redirect') {
      res.writeHead(307, { location: 'http://127.0.0.1:1/steal' });
      return res.end();
    }
    if (state.mode === 'html-502') {
      res.writeHead(502, { 'content-type': 'text/html' });
      return res.end('<h1>Bad gateway</h1>');
    }
    if (state.mode === 'junk-200') return send(res, 200, { hello: 'world' });
    if (state.mode === 'weird-error') return refuse(res, 409, 'ID_TAKEN', 'desk\nname\u0007 taken');
    if (path === `${prefix}/api/devices/enroll`) {
      const keys = Object.keys(body).sort().join(',');
      if (keys !== 'code,deskName') return refuse(res, 400, 'BAD_REQUEST', `unexpected body ${keys}`);
      const code = codes.get(String(body.code));
      if (code === 'expired') return refuse(res, 410, 'ENROLLMENT_CODE_EXPIRED', 'expired');
      if (code !== 'valid') return refuse(res, 400, 'ENROLLMENT_CODE_INVALID', 'no such code');
      codes.delete(String(body.code));
      device = { ...device, used: new Set(), revoked: false };
      return send(res, 200, tokens());
    }
    if (path === `${prefix}/api/devices/refresh`) {
      if (body.deviceId !== device.id) return refuse(res, 401, 'UNAUTHENTICATED', 'unknown device');
      if (device.revoked) return refuse(res, 401, 'DEVICE_REVOKED', 'revoked');
      const presented = String(body.refreshToken);
      if (presented !== device.refresh) {
        if (device.used.has(presented)) {
          device.revoked = true;
          return refuse(res, 401, 'REFRESH_TOKEN_REUSED', 'reused');
        }
        return refuse(res, 401, 'TOKEN_INVALID', 'unknown token');
      }
      device.used.add(presented);
      return send(res, 200, tokens());
    }
    return refuse(res, 404, 'NOT_FOUND', path);
  };

  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return refuse(res, 400, 'MALFORMED_JSON', 'bad json');
      }
      const path = (req.url ?? '').split('?')[0] ?? '';
      state.requests.push({ path, headers: req.headers, body });
      route(path, body, req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${prefix}`;
  return state;
};
