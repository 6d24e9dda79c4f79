/**
 * The sentence for a failed PIN attempt (sign-in or override pad). A lockout counts down: the
 * message is written from the time the lock ends, so it says how long is left now, not how long
 * was left at the attempt, and goes once the PIN may be tried again.
 */
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthResult } from '../../session/staff-auth';

type Failure = Extract<AuthResult, { ok: false }>;

/** What the pad shows: a fixed sentence, or a lockout that ends at `until` (ms, the desk's clock). */
export type AuthErrorState = { text: string } | { lockedUntil: number } | null;

/** The state for a failed attempt at `now`. */
export const authErrorState = (t: TFunction, result: Failure, now: number): AuthErrorState => {
  if (result.retryInMs > 0 && (result.error === 'LOCKED' || result.error === 'WRONG_PIN')) return { lockedUntil: now + result.retryInMs };
  if (result.error === 'WRONG_PIN' && result.triesLeft <= 2) return { text: t('staff.error.WRONG_PIN_LEFT', { count: result.triesLeft }) };
  return { text: t(`staff.error.${result.error}`) };
};

/** The sentence at `now`; null once a lockout is over. */
export const authErrorText = (t: TFunction, state: AuthErrorState, now: number): string | null => {
  if (state === null) return null;
  if ('text' in state) return state.text;
  const left = state.lockedUntil - now;
  return left > 0 ? t('staff.error.LOCKED', { seconds: Math.ceil(left / 1000) }) : null;
};

/** How often a lockout message is written again. */
const COUNTDOWN_TICK_MS = 250;

/** A PIN pad's error: `fail` after an attempt, `set` for other sentences; a lockout counts down on its own. */
export const useAuthError = (now: () => number) => {
  const { t } = useTranslation();
  const [state, setState] = useState<AuthErrorState>(null);
  const [at, setAt] = useState(now);
  const counting = state !== null && 'lockedUntil' in state;
  useEffect(() => {
    if (!counting) return;
    const timer = window.setInterval(() => setAt(now()), COUNTDOWN_TICK_MS);
    return () => window.clearInterval(timer);
  }, [counting, now]);
  return {
    error: authErrorText(t, state, counting ? Math.max(at, now()) : at),
    fail: (result: Failure) => {
      const time = now();
      setAt(time);
      setState(authErrorState(t, result, time));
    },
    /** null clears a sentence, but not a lockout still running (typing does not end it). */
    set: (text: string | null) =>
      setState((previous) => (text !== null ? { text } : previous !== null && 'lockedUntil' in previous && previous.lockedUntil > now() ? previous : null)),
  };
};
