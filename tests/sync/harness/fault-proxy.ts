/**
 * A network between one desk and the server that misbehaves on command: goes offline, loses
 * responses after the server committed, delivers a request twice, delays requests so later
 * ones overtake them. Real HTTP on both sides; streams (SSE) pass through until cut.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface FaultCounters {
  forwarded: number;
  dropped: number;
  duplicated: number;
  delayed: number;
  refused: number;
  held: number;
}

export class FaultProxy {
  offline = false;
  /** Push responses to lose after the server has answered (the server did commit). */
  dropPushResponses = 0;
  /** Push requests to send to the server twice. */
  duplicatePushes = 0;
  /** Random delay (ms) for push requests, so requests overtake each other. */
  delayPushesMs = 0;
  /** Push requests to hold for `holdMs` — longer than the desk waits — before delivering them:
   * the desk gives up and retries, the retry lands first, the stale original arrives after it. */
  holdPushes = 0;
  holdMs = 0;
  /** Called once a push request is on its way to the server (e.g. to crash the server mid-push). */
  onPushSent: (() => void) | null = null;
  readonly counters: FaultCounters = { forwarded: 0, dropped: 0, duplicated: 0, delayed: 0, refused: 0, held: 0 };
  private readonly sockets = new Set<Socket>();
  private server!: Server;
  url = '';

  private constructor(private target: string) {}

  static async start(target: string): Promise<FaultProxy> {
    const proxy = new FaultProxy(target);
    proxy.server = createServer((req, res) => void proxy.handle(req, res));
    proxy.server.on('connection', (socket) => {
      if (proxy.offline) {
        proxy.counters.refused++;
        socket.destroy();
        return;
      }
      proxy.sockets.add(socket);
      socket.on('close', () => proxy.sockets.delete(socket));
    });
    await new Promise<void>((r) => proxy.server.listen(0, '127.0.0.1', r));
    const address = proxy.server.address() as { port: number };
    proxy.url = `http://127.0.0.1:${address.port}`;
    return proxy;
  }

  /** Cut the network: open connections (streams included) die, new ones are refused. */
  setOffline(offline: boolean) {
    this.offline = offline;
    if (offline) for (const s of this.sockets) s.destroy();
  }

  retarget(target: string) {
    this.target = target;
  }

  private forward(req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
    const url = new URL(req.url ?? '/', this.target);
    return new Promise((resolve, reject) => {
      const out = httpRequest(url, { method: req.method, headers: { ...req.headers, host: url.host } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      out.on('error', reject);
      out.end(body);
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    if (this.offline) {
      this.counters.refused++;
      req.socket.destroy();
      return;
    }
    if ((req.url ?? '').startsWith('/api/sync/stream')) return this.pipeStream(req, res);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const isPush = req.method === 'POST' && /\/push$/.test(req.url ?? '');
    try {
      if (isPush && this.delayPushesMs > 0) {
        this.counters.delayed++;
        await new Promise((r) => setTimeout(r, Math.random() * this.delayPushesMs));
      }
      if (isPush && this.holdPushes > 0) {
        this.holdPushes--;
        this.counters.held++;
        await new Promise((r) => setTimeout(r, this.holdMs));
        await this.forward(req, body).catch(() => undefined); // delivered late; its answer goes nowhere
        req.socket.destroy();
        return;
      }
      if (isPush && this.duplicatePushes > 0) {
        this.duplicatePushes--;
        this.counters.duplicated++;
        await this.forward(req, body);
      }
      const pending = this.forward(req, body);
      if (isPush && this.onPushSent) {
        const hook = this.onPushSent;
        this.onPushSent = null;
        setTimeout(hook, 2);
      }
      const answer = await pending;
      this.counters.forwarded++;
      if (isPush && this.dropPushResponses > 0) {
        this.dropPushResponses--;
        this.counters.dropped++;
        req.socket.destroy(); // the server committed; the desk never hears so
        return;
      }
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    } catch {
      req.socket.destroy();
    }
  }

  private pipeStream(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', this.target);
    const out = httpRequest(url, { method: req.method, headers: { ...req.headers, host: url.host } }, (upstream) => {
      res.writeHead(upstream.statusCode ?? 502, upstream.headers);
      upstream.pipe(res);
      upstream.on('error', () => res.destroy());
    });
    out.on('error', () => res.destroy());
    req.on('close', () => out.destroy());
    out.end();
  }

  async close() {
    for (const s of this.sockets) s.destroy();
    await new Promise((r) => this.server.close(r));
  }
}
