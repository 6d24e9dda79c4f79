import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/index';
import { authErrorState, authErrorText } from './auth-error-text';

describe('the PIN error sentence', () => {
  it('counts a lockout down and is gone when it ends', async () => {
    const i18n = await createI18n('zh-CN');
    const t = i18n.t.bind(i18n) as TFunction;
    const state = authErrorState(t, { ok: false, error: 'LOCKED', retryInMs: 30_000, triesLeft: 0 }, 1_000_000);
    expect(authErrorText(t, state, 1_000_000)).toBe('错误次数过多，请 30 秒后再试');
    expect(authErrorText(t, state, 1_000_000 + 10_500)).toBe('错误次数过多，请 20 秒后再试');
    expect(authErrorText(t, state, 1_000_000 + 29_001)).toBe('错误次数过多，请 1 秒后再试');
    expect(authErrorText(t, state, 1_000_000 + 30_000)).toBeNull();
  });

  it('the wrong PIN that starts a lockout counts down too; others are fixed sentences', async () => {
    const i18n = await createI18n('en');
    const t = i18n.t.bind(i18n) as TFunction;
    const locking = authErrorState(t, { ok: false, error: 'WRONG_PIN', retryInMs: 5_000, triesLeft: 0 }, 0);
    expect(authErrorText(t, locking, 2_000)).toBe('Too many wrong PINs: try again in 3 s');
    const left = authErrorState(t, { ok: false, error: 'WRONG_PIN', retryInMs: 0, triesLeft: 2 }, 0);
    expect(authErrorText(t, left, 60_000)).toContain('2');
    expect(authErrorText(t, null, 0)).toBeNull();
  });
});
