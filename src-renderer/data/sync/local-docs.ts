/**
 * The part of the database the sync bookkeeping needs: RxDB local documents (never replicated,
 * not counted as collections, shared by every tab).
 */
import type { Observable } from 'rxjs';

export interface LocalDoc {
  get(path: string): unknown;
  toJSON(): { data: unknown };
}

export interface LocalDocs {
  readonly closed: boolean;
  getLocal(id: string): Promise<LocalDoc | null>;
  getLocal$(id: string): Observable<LocalDoc | null>;
  upsertLocal(id: string, data: object): Promise<unknown>;
}
