/**
 * Rows the server rejected on their own merits (`PushResponse.rejected`). The server protocol
 * never retries them and RxDB must not either (a throwing push handler blocks the whole queue),
 * so the push handler reports them as done and records them here, with the reason and the state
 * that was refused, for the sync screen. Nothing the desk wrote disappears silently: the document
 * stays in its collection, and an entry goes away when a later push of the same id is accepted.
 *
 * Stored as one RxDB local document (never replicated, visible to every tab); only the tab that
 * runs the replication writes it.
 */
import type { RejectedRow } from '../../../shared/protocol/messages';
import type { CollectionName } from '../../../shared/schemas/index';
import type { LocalDocs } from './local-docs';

export interface RejectedEntry {
  collection: CollectionName;
  id: string;
  code: string;
  message: string;
  /** ms since epoch */
  at: number;
  /** The refused document state. */
  doc: Record<string, unknown>;
}

export interface Quarantine {
  record(collection: CollectionName, rejected: RejectedRow[], docsById: Map<string, Record<string, unknown>>): void;
  /** Ids the server accepted: their entries (if any) are cleared. */
  accepted(collection: CollectionName, ids: Iterable<string>): void;
  subscribe(listener: (entries: RejectedEntry[]) => void): () => void;
  flush(): Promise<void>;
}

export const QUARANTINE_DOC = 'sync-rejected';
/** Keeps the newest entries; the documents themselves stay in their collections. */
const MAX_ENTRIES = 1000;

const keyOf = (collection: string, id: string) => `${collection}/${id}`;

export const createQuarantine = (db: LocalDocs, now: () => number = Date.now): Quarantine => {
  let entries: RejectedEntry[] | null = null;
  let queue: Promise<void> = Promise.resolve();

  const update = (change: (current: RejectedEntry[]) => RejectedEntry[] | null) => {
    queue = queue
      .then(async () => {
        if (db.closed) return;
        entries ??= ((await db.getLocal(QUARANTINE_DOC))?.get('entries') as RejectedEntry[] | undefined) ?? [];
        const next = change(entries);
        if (!next) return;
        entries = next.slice(-MAX_ENTRIES);
        await db.upsertLocal(QUARANTINE_DOC, { entries });
      })
      .catch((error: unknown) => console.error('Station Desk: could not store rejected rows', error));
  };

  return {
    record(collection, rejected, docsById) {
      if (rejected.length === 0) return;
      const fresh: RejectedEntry[] = rejected.map((row) => ({
        collection,
        id: row.id,
        code: String(row.code),
        message: String(row.message ?? '').slice(0, 500),
        at: now(),
        doc: docsById.get(row.id) ?? {},
      }));
      const keys = new Set(fresh.map((e) => keyOf(e.collection, e.id)));
      update((current) => [...current.filter((e) => !keys.has(keyOf(e.collection, e.id))), ...fresh]);
    },
    accepted(collection, ids) {
      const keys = new Set([...ids].map((id) => keyOf(collection, id)));
      if (keys.size === 0) return;
      update((current) => {
        const kept = current.filter((e) => !keys.has(keyOf(e.collection, e.id)));
        return kept.length === current.length ? null : kept;
      });
    },
    subscribe(listener) {
      const sub = db.getLocal$(QUARANTINE_DOC).subscribe((doc) => listener((doc?.get('entries') as RejectedEntry[] | undefined) ?? []));
      return () => sub.unsubscribe();
    },
    flush: () => queue,
  };
};
