// Starts the real central server once for the E2E run: embedded PGlite in a fresh temporary
// folder, serving the built web renderer, with the demo station seeded. Each test opens its own
// fresh browser profile (a desk) and enrolls it, or not, as it needs.
import type { FullConfig } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../server/app';
import { openDatabase } from '../../server/db/open';
import { seedDemoStation } from '../../server/services/demo/seed';

export const E2E_ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';

export default async function globalSetup(_config: FullConfig) {
  const dataDir = mkdtempSync(join(tmpdir(), 'station-desk-e2e-server-'));
  const db = await openDatabase({ dataDir });
  const app = await buildApp({ db, webRoot: 'dist/renderer', adminToken: E2E_ADMIN_TOKEN, rateLimitPerMinute: 100_000, streams: { opensPerMinute: 100_000 } });
  await seedDemoStation(db, { now: Date.now() });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  process.env.E2E_BASE_URL = url;
  process.env.E2E_ADMIN_TOKEN = E2E_ADMIN_TOKEN;
  return async () => {
    await app.close();
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
