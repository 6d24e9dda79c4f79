/**
 * The transaction helper both drivers share: the body queues hints on its transaction as it
 * writes, and they are published once the transaction has committed — never inside it (a NOTIFY
 * in a write transaction serializes every commit of the database) and never after a rollback,
 * so no desk pulls for a change that did not happen. A hint that fails to send is dropped:
 * hints are hints (docs/sync-protocol.md).
 */
import type { Database, Queryable, Transaction } from './database';
import { HINT_CHANNEL, newestHints, REVOKE_CHANNEL, type StationHint } from './hints';

/** `begin` runs its callback in a driver transaction: commit on resolve, rollback on throw. */
type Begin = <T>(body: (q: Queryable) => Promise<T>) => Promise<T>;

export const hintedTransaction = async <T>(begin: Begin, notify: Database['notify'], fn: (tx: Transaction) => Promise<T>): Promise<T> => {
  const hints: StationHint[] = [];
  const revoked = new Set<string>();
  const result = await begin((q) => fn({ ...q, hint: (hint) => void hints.push(hint), revoked: (deviceId) => void revoked.add(deviceId) }));
  for (const deviceId of revoked) await notify(REVOKE_CHANNEL, deviceId).catch(() => undefined);
  for (const hint of newestHints(hints)) await notify(HINT_CHANNEL, JSON.stringify(hint)).catch(() => undefined);
  return result;
};
