/**
 * Wrong member sign-ins (card number + last four phone digits), counted in the database so every
 * server process shares one budget (docs/security.md "Lockouts and rate limits").
 *
 * Threats closed:
 * - guessing the four digits (10 000 tries) from many addresses or through several server
 *   processes: each card has MAX_CARD_FAILURES wrong answers per CARD_WINDOW_MS in all, whoever
 *   sends them and whichever process answers (two processes no longer give 5 + 5);
 * - one client locking a member out: a client gets MAX_CLIENT_FAILURES wrong answers per card
 *   per CLIENT_WINDOW_MS, then only that client is locked for that card; the member on their own
 *   phone is unaffected until the card-wide budget is spent (four times as many guesses, from at
 *   least four addresses); and a lockout never touches sign-in with a stronger proof (the
 *   member's pass: POST /api/members/session/pass), which does not go through this throttle.
 * Every attempt reserves its guess before the answer is checked, and gives it back if it was
 * right or refused, so concurrent attempts cannot overrun the budget.
 */
import type { Queryable } from '../db/database';
import { counterPruner, deleteCounter, hitCounter, unhitCounter } from '../repositories/shared-counters';

export const MAX_CLIENT_FAILURES = 5;
export const CLIENT_WINDOW_MS = 15 * 60_000;
export const MAX_CARD_FAILURES = 20;
export const CARD_WINDOW_MS = 24 * 60 * 60_000;

export interface SignInAttempt {
  stationId: string;
  cardNo: string;
  /** The client address. */
  client: string;
}

export interface SignInThrottle {
  /** Reserves one guess: 0 when the answer may be checked, else ms until this client may try this card again. */
  reserve(attempt: SignInAttempt, now: number): Promise<number>;
  /** The answer was right: the guess is given back and this client's count for the card cleared. */
  succeeded(attempt: SignInAttempt): Promise<void>;
}

const cardKey = (a: SignInAttempt) => `sign-in:card:${a.stationId}\n${a.cardNo}`;
const clientKey = (a: SignInAttempt) => `sign-in:client:${a.stationId}\n${a.cardNo}\n${a.client}`;

export const createSignInThrottle = (db: Queryable): SignInThrottle => {
  const prune = counterPruner(db);
  return {
    async reserve(attempt, now) {
      await prune(now);
      const client = await hitCounter(db, clientKey(attempt), CLIENT_WINDOW_MS, now);
      if (client.count > MAX_CLIENT_FAILURES) {
        await unhitCounter(db, clientKey(attempt));
        return Math.max(1, client.endsAt - now);
      }
      const card = await hitCounter(db, cardKey(attempt), CARD_WINDOW_MS, now);
      if (card.count > MAX_CARD_FAILURES) {
        await unhitCounter(db, cardKey(attempt));
        await unhitCounter(db, clientKey(attempt));
        return Math.max(1, card.endsAt - now);
      }
      return 0;
    },
    async succeeded(attempt) {
      await unhitCounter(db, cardKey(attempt));
      await deleteCounter(db, clientKey(attempt));
    },
  };
};
