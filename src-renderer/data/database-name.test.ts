import { describe, expect, it } from 'vitest';
import { databaseNameFor, LOCAL_DATABASE } from './database-name';

describe('databaseNameFor', () => {
  it('gives a desk that is not enrolled its own local database', () => {
    expect(databaseNameFor('')).toBe(LOCAL_DATABASE);
  });

  it('makes valid, distinct names per station', () => {
    const names = ['DEMO-SH-JA-001', 'demo-sh-ja-001', 'ST 上海/1', 'SH-JA-002'].map(databaseNameFor);
    for (const name of names) expect(name).toMatch(/^[a-z][_$a-z0-9-]*$/);
    expect(new Set(names).size).toBe(names.length);
    expect(databaseNameFor('SH-JA-002')).toBe(databaseNameFor('SH-JA-002'));
  });
});
