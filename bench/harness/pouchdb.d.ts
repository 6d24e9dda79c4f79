/** The few PouchDB 9 APIs the benchmark uses (the project carries no @types/pouchdb). */
declare module 'pouchdb' {
  interface ReplicationChange {
    direction: 'push' | 'pull';
    change: { docs_written: number; docs: { _id: string }[] };
  }
  interface Sync {
    on(event: 'change', listener: (info: ReplicationChange) => void): this;
    on(event: 'error' | 'denied', listener: (error: unknown) => void): this;
    on(event: 'complete', listener: () => void): this;
    cancel(): void;
  }
  interface Changes {
    on(event: 'change', listener: (change: { id: string; seq: number | string }) => void): this;
    on(event: 'error', listener: (error: unknown) => void): this;
    cancel(): void;
  }
  interface SyncOptions {
    live?: boolean;
    retry?: boolean;
    batch_size?: number;
    batches_limit?: number;
    heartbeat?: number | false;
  }
  class PouchDB {
    constructor(name: string, options?: { adapter?: string; fetch?: typeof fetch; skip_setup?: boolean });
    static plugin(plugin: unknown): typeof PouchDB;
    bulkDocs(docs: object[]): Promise<({ ok: boolean; id: string } | { error: string; id: string })[]>;
    info(): Promise<{ doc_count: number; update_seq: number | string }>;
    changes(options: { since: 'now' | number; live: boolean }): Changes;
    sync(remote: PouchDB, options: SyncOptions): Sync;
    put(doc: object): Promise<{ ok: boolean; id: string; rev: string }>;
    destroy(): Promise<void>;
  }
  export default PouchDB;
}

declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
