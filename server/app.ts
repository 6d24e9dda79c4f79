/**
 * The central server, composed: infrastructure plugins → routes (Fastify's example layout).
 * `buildApp` opens no port, so tests call `app.inject` or `listen({ port: 0 })`.
 */
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Database } from './db/database';
import type { TlsFiles } from './tls';
import { DEFAULT_PUSH_QUOTAS, DEFAULT_STREAM_LIMITS, defaultStreamTotal, fdSoftLimit, type PushQuotas, type StreamLimits } from './config';
import { authPlugin } from './plugins/auth';
import { bodyParsingPlugin, DEFAULT_BODY_LIMIT_BYTES } from './plugins/body-parsing';
import { memberAuthPlugin } from './plugins/member-auth';
import { createPassKeys, type PassKeys } from './services/passes/keys';
import { clientErrorHandler, errorsPlugin, frameworkErrors } from './plugins/errors';
import { openapiPlugin } from './plugins/openapi';
import { securityPlugin } from './plugins/security';
import { adminRoutes } from './routes/admin';
import { deviceRoutes } from './routes/devices';
import { healthRoutes } from './routes/health';
import { memberBookingRoutes } from './routes/member-bookings';
import { passRoutes } from './routes/passes';
import { streamRoutes } from './routes/stream';
import { syncRoutes } from './routes/sync';
import { createHintBus, type HintBus } from './plugins/hints';

export interface AppOptions {
  db: Database;
  /** pino options or false */
  logger?: boolean | { level: string };
  /** Folder of the built desk to serve as the web build, or '' for none. */
  webRoot?: string;
  corsOrigins?: string[];
  /** Bearer token for /api/admin; '' disables the admin API. */
  adminToken?: string;
  rateLimitPerMinute?: number;
  /** Fastify `trustProxy` (behind a load balancer); default false. */
  trustProxy?: boolean | string;
  /** Wraps the pass-signing and token-signing keys at rest (key-wrap.ts); '' or absent: a database-held secret. */
  passKeySecret?: string;
  /** Limits on live hint streams (config.ts); absent ones take the defaults. */
  streams?: Partial<StreamLimits>;
  /** Upload allowances per station day (config.ts); absent ones take the defaults. */
  quotas?: Partial<PushQuotas>;
  /** Serve HTTPS with this certificate and key (tls.ts); absent: plain http. */
  https?: TlsFiles | null;
  /** Injected clock (ms) for tests. */
  now?: () => number;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    hints: HintBus;
    passKeys: PassKeys;
    now: () => number;
  }
}

export const buildApp = async (options: AppOptions): Promise<FastifyInstance> => {
  // typed as the plain-http instance: routes and hooks are the same either way
  const app = Fastify({
    ...(options.https ? { https: options.https } : {}),
    trustProxy: options.trustProxy ?? false,
    logger: options.logger ?? false,
    // routes that take more say so (push, the roster import: BODY_LIMIT_BYTES)
    bodyLimit: DEFAULT_BODY_LIMIT_BYTES,
    forceCloseConnections: true,
    // refused by errorsPlugin in the one error shape instead (Fastify's own 503 body is not)
    return503OnClosing: false,
    frameworkErrors,
    clientErrorHandler,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  });
  const hints = await createHintBus(options.db);
  app.decorate('db', options.db);
  app.decorate('hints', hints);
  app.decorate('passKeys', createPassKeys(options.db, { secret: options.passKeySecret || undefined }));
  app.decorate('now', options.now ?? (() => Date.now()));
  app.addHook('onClose', async () => hints.close());

  await app.register(errorsPlugin);
  await app.register(bodyParsingPlugin);
  await app.register(securityPlugin, {
    corsOrigins: options.corsOrigins ?? ['app://desk'],
    rateLimitPerMinute: options.rateLimitPerMinute ?? 1200,
  });
  await app.register(openapiPlugin);
  await app.register(authPlugin, { adminToken: options.adminToken ?? '', keyWrapSecret: options.passKeySecret || undefined });
  await app.register(memberAuthPlugin, { keyWrapSecret: options.passKeySecret || undefined });

  await app.register(healthRoutes);
  await app.register(deviceRoutes, { prefix: '/api/devices' });
  await app.register(syncRoutes, { prefix: '/api/sync', quotas: { ...DEFAULT_PUSH_QUOTAS, ...options.quotas } });
  const streams: StreamLimits = { ...DEFAULT_STREAM_LIMITS, total: options.streams?.total ?? defaultStreamTotal(fdSoftLimit()), ...options.streams };
  await app.register(streamRoutes, { prefix: '/api/sync', ...streams });
  await app.register(adminRoutes, { prefix: '/api/admin' });
  await app.register(memberBookingRoutes, { prefix: '/api/members' });
  await app.register(passRoutes, { prefix: '/api/admin' });

  const webRoot = options.webRoot ? resolve(options.webRoot) : '';
  if (webRoot && existsSync(resolve(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', index: ['index.html'], wildcard: true });
  }
  return app;
};
