// electron-builder.yml: valid against electron-builder's own JSON schema (the copy installed
// with app-builder-lib), with the security fuses flipped and the installers docs/architecture.md names.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  files: string[];
  nsis: Record<string, unknown>;
  win: { target: { target: string }[] };
  linux: { target: string[] };
  mac: { target: string[] };
};

/**
 * scheme.json declares draft-07, which Ajv 8's default class speaks natively (the 2019/2020
 * classes would not resolve its $schema). It uses union types and ajv-keywords' `typeof`
 * (for hook functions): allow the former and define the latter, keeping strict mode otherwise.
 */
const compileBuilderSchema = () => {
  const schema = JSON.parse(readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as { $schema: string };
  expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
  ajv.addKeyword({ keyword: 'typeof', schemaType: 'string', validate: (type: string, data: unknown) => typeof data === type });
  return ajv.compile(schema);
};

describe('electron-builder.yml', () => {
  const validate = compileBuilderSchema();

  it('is valid against app-builder-lib/scheme.json', () => {
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would be refused with a misspelt fuse (the schema check bites)', () => {
    const broken = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    expect(validate(broken)).toBe(false);
  });

  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['onlyLoadAppFromAsar', true],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['enableCookieEncryption', true],
    ['grantFileProtocolExtraPrivileges', false],
    ['loadBrowserProcessSpecificV8Snapshot', false],
  ])('flips fuse %s to %s', (fuse, value) => {
    expect(config.electronFuses[fuse]).toBe(value);
  });

  it('packs only the bundles into an asar', () => {
    expect(config.asar).toBe(true);
    expect(config.files.filter((f) => !f.startsWith('!'))).toEqual(['dist/main/**', 'dist/renderer/**', 'package.json']);
    expect(config.files).toContain('!node_modules');
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/main/index.cjs');
  });

  it('builds Windows NSIS (assisted, bilingual), Linux AppImage + deb, macOS dmg', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, allowToChangeInstallationDirectory: true });
    expect(config.nsis.installerLanguages).toEqual(expect.arrayContaining(['zh_CN', 'en_US']));
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.productName).toBe('Station Desk');
  });

  it('has an icon large enough for every platform (PNG ≥ 512×512)', () => {
    const png = readFileSync(path.join(root, String(config.icon)));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
  });
});
