/**
 * HTTP hardening: helmet headers with the same strict CSP the desk runs under (no eval),
 * CORS only for the Electron desk's origin, and rate limits per client address so a lost or hostile client cannot flood the server
 * (routes' own limits shared by every server process through the database: shared-rate-limit.ts).
 */
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sharedRateLimitStore } from './shared-rate-limit';
import { ApiError } from '../errors';

export interface SecurityOptions {
  corsOrigins: string[];
  rateLimitPerMinute: number;
}

export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  mediaSrc: ["'self'", 'blob:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
};

export const securityPlugin = fp(async (app: FastifyInstance, options: SecurityOptions) => {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    crossOriginEmbedderPolicy: false,
    // the Electron desk (app://desk) reads API responses cross-origin
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin === undefined || options.corsOrigins.includes(origin)),
    credentials: false,
    allowedHeaders: ['authorization', 'content-type', 'x-station-desk-protocol', 'x-token-delivery', 'last-event-id'],
    maxAge: 600,
  });
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute,
    timeWindow: '1 minute',
    // routes' own limits are counted in the database, shared by every process (shared-rate-limit.ts)
    store: sharedRateLimitStore(app.db, () => app.now()),
    // by address: an unverified Authorization header must not buy a fresh bucket
    keyGenerator: (request) => request.ip,
    // thrown, then answered by the error handler in the one error shape
    errorResponseBuilder: (_request, context) => new ApiError(429, 'RATE_LIMITED', `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s`),
  });
});
