// Lint: TypeScript rules plus the process boundaries of docs/architecture.md. The boundary rules are the
// point: tests/lint/boundaries.test.ts proves each one fires on a forbidden import.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises',
  'http', 'http2', 'https', 'net', 'os', 'path', 'process', 'readline', 'stream', 'tls', 'url', 'util',
  'v8', 'vm', 'worker_threads', 'zlib',
];

const forbid = (groups, message) => ({ group: groups, message });

/** Builds a `no-restricted-imports` rule from pattern groups. */
const boundary = (...patterns) => ['error', { patterns }];

const electron = forbid(['electron', 'electron/*'], 'Process boundary (docs/architecture.md): this layer must not import electron.');
const node = forbid(['node:*', ...NODE_BUILTINS], 'Process boundary (docs/architecture.md): this layer must not import Node built-ins.');
const react = forbid(['react', 'react/*', 'react-dom', 'react-dom/*', 'antd', 'antd/*'], 'Process boundary (docs/architecture.md): this layer must not import React or UI libraries.');
const rxdb = forbid(['rxdb', 'rxdb/*', 'dexie', 'dexie/*'], 'Process boundary (docs/architecture.md): only src-renderer/data may import RxDB or Dexie.');
const serverLibs = forbid(['fastify', 'fastify/*', '@fastify/*', 'pg', 'pg/*', '@electric-sql/*'], 'Process boundary (docs/architecture.md): this layer must not import server libraries.');
const srcFolders = forbid(['**/src-main/**', '**/src-renderer/**', '**/server/**'], 'Process boundary (docs/architecture.md): shared/ and server/ must not import from src-* or server folders.');
const rendererFromMain = forbid(['**/src-renderer/**', '**/server/**'], 'Process boundary (docs/architecture.md): main must not import renderer or server code.');
const mainFromRenderer = forbid(['**/src-main/**', '**/server/**'], 'Process boundary (docs/architecture.md): the renderer must not import main or server code.');
const srcFromServer = forbid(['**/src-main/**', '**/src-renderer/**'], 'Process boundary (docs/architecture.md): server/ must not import src-* code.');

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'release/**', 'test-results/**', 'playwright-report/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.es2021 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['warn', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': boundary(electron, node, react, rxdb, serverLibs, srcFolders) },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/data/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': boundary(electron, node, rxdb, serverLibs, mainFromRenderer) },
  },
  {
    files: ['src-renderer/data/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': boundary(electron, node, react, serverLibs, mainFromRenderer) },
  },
  {
    files: ['src-main/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': boundary(react, rxdb, serverLibs, rendererFromMain) },
  },
  {
    files: ['server/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': boundary(electron, react, rxdb, srcFromServer) },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.{ts,mjs,js}', 'scripts/**/*.{ts,mjs,js}', '*.config.{ts,js,mjs}', '**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-console': 'off' },
  },
);
