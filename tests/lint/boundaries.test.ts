// The process boundaries of docs/architecture.md are lint rules; this proves each one fires on a forbidden
// import (and stays quiet on an allowed one), using ESLint's own API and our config.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

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
