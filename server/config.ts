/** Server configuration from the environment, with defaults that make `npm start` just work. */
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
});
