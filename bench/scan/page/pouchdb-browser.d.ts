/** The few PouchDB 9 browser APIs the scan benchmark uses (the project carries no @types/pouchdb). */
declare module 'pouchdb-browser' {
  interface FindRequest {
    selector: Record<string, unknown>;
    limit?: number;
  }
  class PouchDB {
    constructor(name: string, options?: { adapter?: string });
    static plugin(plugin: unknown): typeof PouchDB;
    adapter: string;
    bulkDocs(docs: object[]): Promise<({ ok: boolean; id: string } | { error: string; id: string })[]>;
    info(): Promise<{ doc_count: number; update_seq: number | string }>;
    put(doc: object): Promise<{ ok: boolean; id: string; rev: string }>;
    createIndex(request: { index: { fields: string[] } }): Promise<{ result: string }>;
    find(request: FindRequest): Promise<{ docs: object[]; warning?: string }>;
    close(): Promise<void>;
  }
  export default PouchDB;
}

declare module 'pouchdb-find' {
  const plugin: unknown;
  export default plugin;
}
