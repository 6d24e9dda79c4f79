// The process boundaries of docs/architecture.md are lint rules; this proves each one fires on a forbidden
// import (and stays quiet on an allowed one), using ESLint's own API and our config.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { importCircles, layerOf, readServerImports, upwardImports } from './server-layers';

const eslint = new ESLint({ cwd: process.cwd() });

const boundaryErrors = async (filePath: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
};

describe('process-boundary lint rules', () => {
  it.each([
    ['shared/domain/x.ts', "import { app } from 'electron';"],
    ['shared/domain/x.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/domain/x.ts', "import fs from 'fs';"],
    ['shared/domain/x.ts', "import React from 'react';"],
    ['shared/schemas/x.ts', "import { createRxDatabase } from 'rxdb';"],
    ['shared/protocol/x.ts', "import Fastify from 'fastify';"],
    ['shared/protocol/x.ts', "import pg from 'pg';"],
    ['shared/ipc/x.ts', "import { x } from '../../src-renderer/data/index';"],
    ['src-renderer/features/check-in/x.ts', "import { ipcRenderer } from 'electron';"],
    ['src-renderer/features/check-in/x.ts', "import path from 'node:path';"],
    ['src-renderer/features/check-in/x.ts', "import { createRxDatabase } from 'rxdb';"],
    ['src-renderer/features/check-in/x.ts', "import Dexie from 'dexie';"],
    ['src-renderer/app/x.tsx', "import { handle } from '../../src-main/ipc/handle';"],
    ['src-renderer/data/x.ts', "import { app } from 'electron';"],
    ['src-main/x.ts', "import React from 'react';"],
    ['src-main/x.ts', "import { createRxDatabase } from 'rxdb';"],
    ['src-main/x.ts', "import { App } from '../src-renderer/app/app';"],
    ['server/x.ts', "import { createDatabase } from '../src-renderer/data/index';"],
    ['server/x.ts', "import { app } from 'electron';"],
  ])('%s: %s is reported', async (filePath, code) => {
    const errors = await boundaryErrors(filePath, code);
    expect(errors.length, `no boundary error for ${code} in ${filePath}`).toBe(1);
    expect(errors[0]).toMatch(/Process boundary/);
  });

  it.each([
    ['shared/domain/x.ts', "import { ulid } from '../ids';"],
    ['src-renderer/data/x.ts', "import { createRxDatabase } from 'rxdb';"],
    ['src-renderer/features/check-in/x.tsx', "import { Button } from 'antd';"],
    ['src-main/x.ts', "import { app } from 'electron';"],
    ['src-main/x.ts', "import path from 'node:path';"],
    ['server/x.ts', "import Fastify from 'fastify';"],
    ['server/x.ts', "import { COLLECTIONS } from '../shared/schemas/index';"],
  ])('%s: %s is allowed', async (filePath, code) => {
    expect(await boundaryErrors(filePath, code)).toEqual([]);
  });
});

// Inside server/, layers import only downward and never in a loop (server/README.md), read from
// the source's import lines.
describe('server layers', () => {
  const graph = readServerImports(join(process.cwd(), 'server'));

  it('reads the imports of the server, type-only and multi-line ones included', () => {
    expect(Object.keys(graph).length).toBeGreaterThan(50);
    expect(graph['app.ts']).toEqual(expect.arrayContaining(['plugins/auth.ts', 'plugins/hints.ts', 'routes/sync.ts']));
    expect(graph['repositories/sync-store.ts']).toEqual(expect.arrayContaining(['db/database.ts', 'db/hints.ts']));
  });

  it('no server file imports a higher layer', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('no server files import each other in a loop', () => {
    expect(importCircles(graph)).toEqual([]);
  });

  it('the rules fire on an upward import, a loop and a file of no layer', () => {
    expect(upwardImports({ 'repositories/x.ts': ['services/y.ts', 'db/database.ts'], 'services/y.ts': [] })).toEqual(['repositories/x.ts -> services/y.ts']);
    expect(upwardImports({ 'testing/x.ts': ['app.ts'], 'services/x.suite.ts': ['app.ts'] })).toEqual([]);
    expect(importCircles({ 'services/a.ts': ['services/b.ts'], 'services/b.ts': ['services/a.ts'] })).toEqual(['services/a.ts -> services/b.ts -> services/a.ts']);
    expect(() => layerOf('stray/x.ts')).toThrow(/no layer/);
  });
});
