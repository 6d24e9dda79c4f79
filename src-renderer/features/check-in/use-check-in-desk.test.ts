import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../data/index';
import { overridable, rosterOnline, type PanelState } from './use-check-in-desk';

const sync = (state: SyncStatus['state'], initialActive = false) => ({
  current: () => ({ state, initialSync: { active: initialActive } }) as SyncStatus,
  subscribe: () => () => undefined,
  resync: () => undefined,
});

describe('rosterOnline', () => {
  it.each([
    [true, 'online', false, true],
    [true, 'syncing', false, true],
    [true, 'not-enrolled', false, true],
    [false, 'online', false, false],
    [true, 'offline', false, false],
    [true, 'error', false, false],
    [true, 'revoked', false, false],
    [true, 'syncing', true, false],
  ] as const)('network %s, sync %s, first sync running %s → %s', (network, state, initial, expected) => {
    expect(rosterOnline({ isOnline: () => network, sync: sync(state, initial) })).toBe(expected);
  });
});

describe('overridable', () => {
  const result = (outcome: string, record: boolean) =>
    ({ kind: 'result', overridden: false, result: { decision: { outcome }, record: record ? {} : null } }) as unknown as PanelState;
  it('is true only for a recorded denial not yet overridden', () => {
    expect(overridable(result('deny', true))).toBe(true);
    expect(overridable(result('deny', false))).toBe(false);
    expect(overridable(result('admit', true))).toBe(false);
    expect(overridable({ ...(result('deny', true) as Extract<PanelState, { kind: 'result' }>), overridden: true })).toBe(false);
    expect(overridable({ kind: 'idle' })).toBe(false);
  });
});
