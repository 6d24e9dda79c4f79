// Unit and integration tests. `*.test.ts(x)` beside the code; `*.pg.test.ts` need PostgreSQL;
// tests/sync/*.test.ts run desks against a real server. E2E (Playwright) runs separately.
import { defineConfig } from 'vitest/config';
import { WAIT_INTERVAL_MS, WAIT_LIMIT_MS } from './tests/support/wait';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'src-main/**/*.test.ts', 'src-renderer/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'tests/e2e/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Every expect.poll waits this long unless it says otherwise (vitest's default, 1 s, is too
    // short on a loaded machine); see tests/support/wait.ts.
    expect: { poll: { timeout: WAIT_LIMIT_MS, interval: WAIT_INTERVAL_MS } },
  },
});
