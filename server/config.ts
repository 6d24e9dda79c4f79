/** Server configuration from the environment, with defaults that make `npm start` just work. */
import { readFileSync } from 'node:fs';

/**
 * Limits on live hint streams (docs/security.md "Streams"), per server process: each stream holds
 * a socket (a file descriptor) and some memory (measured in bench/README.md) while it lives.
 */
export interface StreamLimits {
  /** Live streams one desk may hold; a newer one ends its oldest (a desk reconnecting after a dropped network). */
  perDesk: number;
  /** Live streams of one station's desks together; more are refused (429 RATE_LIMITED). */
  perStation: number;
  /**
   * Live streams of this process; more are refused (503 UNAVAILABLE). Kept below the process's
   * file-descriptor limit, so /health, pulls and pushes always find a socket.
   */
  total: number;
  /** Stream opens per client address per minute (429 RATE_LIMITED beyond). */
  opensPerMinute: number;
  /** Heartbeat comment every this many ms; each beat also ends the stream if its token has expired. */
  heartbeatMs: number;
}

/** The soft limit on open files of this process (Linux: /proc/self/limits), or null where unknown. */
export const fdSoftLimit = (read: () => string = () => readFileSync('/proc/self/limits', 'utf8')): number | null => {
  try {
    const match = /^Max open files\s+(\d+|unlimited)/m.exec(read());
    if (!match) return null;
    return match[1] === 'unlimited' ? Number.MAX_SAFE_INTEGER : Number(match[1]);
  } catch {
    return null;
  }
};

/** Half the descriptors for streams, the other half for everything else; at most 5000 (~80 MB of idle streams at ~16 KiB each, bench/README.md). */
export const defaultStreamTotal = (fdLimit: number | null): number => (fdLimit === null ? 1000 : Math.max(1, Math.min(5000, Math.floor(fdLimit / 2))));

export const DEFAULT_STREAM_LIMITS: Omit<StreamLimits, 'total'> = { perDesk: 2, perStation: 20, opensPerMinute: 30, heartbeatMs: 20_000 };

/**
 * Upload allowances per station day (docs/security.md "Quotas"): bytes of documents and photos
 * (equipment-log pictures) stored by pushes, per desk and per station. A push that would go over
 * one is refused whole (429 QUOTA_EXCEEDED) and the desk retries; the allowance renews at the
 * station's midnight. One desk once stored 39 MB of photos in about 2 s.
 */
export interface PushQuotas {
  deskBytesPerDay: number;
  stationBytesPerDay: number;
  deskPhotosPerDay: number;
  stationPhotosPerDay: number;
}

const MIB = 1024 * 1024;
/**
 * A busy station day is ~1 MB of check-ins and a handful of fault photos (at most 300 KB each);
 * the room above that is for a desk catching up after days offline (tens of photos at once).
 */
export const DEFAULT_PUSH_QUOTAS: PushQuotas = { deskBytesPerDay: 24 * MIB, stationBytesPerDay: 96 * MIB, deskPhotosPerDay: 60, stationPhotosPerDay: 200 };

const positive = (value: string | undefined, fallback: number): number => {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n > 0 ? n : fallback;
};

export interface ServerConfig {
  host: string;
  port: number;
  /** postgres://… ; empty → embedded PGlite in `dataDir` */
  databaseUrl: string;
  dataDir: string;
  /** Built desk to serve as the web build; '' to serve none. */
  webRoot: string;
  /** Origins allowed to call the API cross-origin (the Electron desk is app://desk). */
  corsOrigins: string[];
  /** Token for /api/admin (the admin CLI); generated into dataDir when not set. */
  adminToken: string;
  /** Wraps the pass-signing keys at rest; generated into dataDir when not set. */
  passKeySecret: string;
  logLevel: string;
  /** Requests per minute per client before RATE_LIMITED. */
  rateLimitPerMinute: number;
  /**
   * Behind a load balancer or reverse proxy: which hops to trust for the client address
   * (Fastify `trustProxy`: true, or a comma-separated list of proxy addresses/CIDRs). Without it every client
   * looks like the proxy and shares one rate-limit bucket.
   */
  trustProxy: boolean | string;
  streams: StreamLimits;
  quotas: PushQuotas;
}

const parseTrustProxy = (value: string | undefined): boolean | string => {
  if (!value || value === 'false') return false;
  return value === 'true' ? true : value;
};

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): ServerConfig => ({
  host: env.HOST ?? '127.0.0.1',
  port: Number(env.PORT ?? 5180),
  databaseUrl: env.DATABASE_URL ?? '',
  dataDir: env.STATION_DESK_DATA ?? '.data/server',
  webRoot: env.STATION_DESK_WEB_ROOT ?? 'dist/renderer',
  corsOrigins: (env.CORS_ORIGINS ?? 'app://desk').split(',').map((s) => s.trim()).filter(Boolean),
  adminToken: env.ADMIN_TOKEN ?? '',
  passKeySecret: env.PASS_KEY_SECRET ?? '',
  logLevel: env.LOG_LEVEL ?? 'info',
  rateLimitPerMinute: Number(env.RATE_LIMIT_PER_MINUTE ?? 1200),
  trustProxy: parseTrustProxy(env.TRUST_PROXY),
  streams: {
    perDesk: positive(env.STREAMS_PER_DESK, DEFAULT_STREAM_LIMITS.perDesk),
    perStation: positive(env.STREAMS_PER_STATION, DEFAULT_STREAM_LIMITS.perStation),
    total: positive(env.STREAMS_TOTAL, defaultStreamTotal(fdSoftLimit())),
    opensPerMinute: positive(env.STREAM_OPENS_PER_MINUTE, DEFAULT_STREAM_LIMITS.opensPerMinute),
    heartbeatMs: DEFAULT_STREAM_LIMITS.heartbeatMs,
  },
  quotas: {
    deskBytesPerDay: positive(env.QUOTA_DESK_BYTES_PER_DAY, DEFAULT_PUSH_QUOTAS.deskBytesPerDay),
    stationBytesPerDay: positive(env.QUOTA_STATION_BYTES_PER_DAY, DEFAULT_PUSH_QUOTAS.stationBytesPerDay),
    deskPhotosPerDay: positive(env.QUOTA_DESK_PHOTOS_PER_DAY, DEFAULT_PUSH_QUOTAS.deskPhotosPerDay),
    stationPhotosPerDay: positive(env.QUOTA_STATION_PHOTOS_PER_DAY, DEFAULT_PUSH_QUOTAS.stationPhotosPerDay),
  },
});
