// Starts the web build server once for the E2E run; each test opens its own fresh browser
// profile, so no test sees another's IndexedDB.
import type { FullConfig } from '@playwright/test';
import type { Server } from 'node:http';
// @ts-expect-error plain ESM script without types
import { serveWeb } from '../../scripts/serve-web.mjs';

export default async function globalSetup(_config: FullConfig) {
  const { server, url } = (await serveWeb({ port: 0 })) as { server: Server; url: string };
  process.env.E2E_BASE_URL = url;
  return async () => {
    await new Promise((resolve) => server.close(resolve));
  };
}
