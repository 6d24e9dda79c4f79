/**
 * The central server's entry point: configuration → database → app → listen, with graceful
 * shutdown on SIGINT/SIGTERM (open streams are cut by forceCloseConnections, then the database
 * closes). `--demo` seeds the demo station if absent and prints a fresh enrollment code.
 */
import { join, resolve } from 'node:path';
import { buildApp } from './app';
import { resolveAdminToken } from './admin-token';
import { loadConfig } from './config';
import { openDatabase } from './db/open';
import { resolvePassKeySecret } from './crypto/key-wrap';
import { seedDemoStation } from './services/demo/seed';
import { loadTls } from './tls';
import { writeAudit } from './repositories/audit';
import { createEnrollmentCode } from './repositories/enrollment';

const USAGE = `Station Desk central server

  npm run server [-- --demo]

  --demo   seed the demo station (DEMO-SH-JA-001) if absent and print an enrollment code

Environment: HOST (127.0.0.1), PORT (5180), DATABASE_URL (empty: embedded PGlite),
STATION_DESK_DATA (.data/server), ADMIN_TOKEN, PASS_KEY_SECRET (wraps the pass-signing and token-signing keys;
every server process sharing a database needs the same one), STATION_DESK_WEB_ROOT,
CORS_ORIGINS, LOG_LEVEL, RATE_LIMIT_PER_MINUTE, TRUST_PROXY (behind a load balancer: true or the proxies' addresses),
STREAMS_PER_DESK (2), STREAMS_PER_STATION (20), STREAMS_TOTAL (half the open-file limit, at most 5000),
STREAM_OPENS_PER_MINUTE (30 per address), TLS_CERT_FILE and TLS_KEY_FILE (PEM files: serve https,
which tablets on a station's LAN need for the web desk's offline start and pass checks).`;

/** postgres://user:secret@host/db → postgres://user@host/db, for printing. */
const withoutPassword = (url: string): string => {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
};

const main = async () => {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.info(USAGE);
    return;
  }
  const unknown = args.filter((a) => a !== '--demo');
  if (unknown.length > 0) throw new Error(`unknown option(s) ${unknown.join(' ')}\n\n${USAGE}`);

  const config = loadConfig();
  const https = loadTls();
  const admin = resolveAdminToken(config.adminToken, config.dataDir);
  const passKeySecret = resolvePassKeySecret(config.passKeySecret, config.dataDir);
  const pgliteDir = resolve(join(config.dataDir, 'pglite'));
  const db = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: pgliteDir });
  const app = await buildApp({
    db,
    logger: { level: config.logLevel },
    webRoot: config.webRoot,
    corsOrigins: config.corsOrigins,
    adminToken: admin.token,
    passKeySecret: passKeySecret.secret,
    rateLimitPerMinute: config.rateLimitPerMinute,
    trustProxy: config.trustProxy,
    streams: config.streams,
    quotas: config.quotas,
    https,
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.info(`\n${signal}: shutting down…`);
    setTimeout(() => {
      console.error('Shutdown took longer than 10 s; exiting anyway.');
      process.exit(1);
    }, 10_000).unref();
    try {
      await app.close();
      await db.close();
      process.exit(0);
    } catch (error) {
      console.error('Shutdown failed:', error);
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  // token keys: a plain key from an older server is wrapped now, and a wrong PASS_KEY_SECRET stops the start
  await app.deviceTokens.ready();
  await app.memberTokens.ready();

  const address = await app.listen({ host: config.host, port: config.port });
  console.info(`Station Desk server listening on ${address}`);
  console.info(`  database:    ${db.kind === 'postgres' ? withoutPassword(config.databaseUrl) : `PGlite in ${pgliteDir}`}`);
  console.info(`  admin token: ${admin.where}`);
  console.info(`  pass keys:   wrapped with ${passKeySecret.where} (token-signing keys too)`);
  console.info(`  API docs:    ${address}/api/docs`);

  if (args.includes('--demo')) {
    const now = Date.now();
    const seeded = await seedDemoStation(db, { now, passKeys: app.passKeys });
    const issued = await createEnrollmentCode(db, seeded.stationId, { now, ttlHours: 24 });
    await writeAudit(db, { actor: 'server --demo', action: 'demo.seed', stationId: seeded.stationId, details: { created: seeded.created }, at: now });
    console.info(`\n  Demo station ${seeded.stationId} ${seeded.created ? 'created' : 'already present'}.`);
    console.info(`  Enrollment code (valid 24 h, one desk):   ${issued.code}`);
    console.info(`  At the desk: 设置 Settings → 登记到中心服务器 Enroll, server ${address}\n`);
    // one machine-readable line for `npm start`, which opens the desk already enrolled
    if (process.env.STATION_DESK_READY_LINE) console.info(`STATION_DESK_READY ${JSON.stringify({ url: address, code: issued.code })}`);
  }
};

main().catch((error: unknown) => {
  console.error(`Station Desk server failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
