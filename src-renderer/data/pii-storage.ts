/**
 * Threat: member personal information (PIPL) read from a copy of the desk's database files
 * (docs/security.md, "Member PII at rest"). This storage wrapper seals the personal fields of
 * `members` before they reach IndexedDB, and opens them on the way back, so RxDB, the
 * repositories and sync above it see plain documents (the server stores plaintext members; this
 * is encryption at rest on the desk only).
 *
 * What is stored:
 * - `name`, `phoneMasked`, `phoneTail`, `category`: one AES-GCM sealed JSON value in `pii`;
 * - `phoneTail` also as a blind index (HMAC of the value), so the search by the phone's last four
 *   digits still runs on an index: an exact-match query on it is rewritten to the hash;
 * - `cardNo`, status, validity, source and the sync fields stay plain: the card number is the
 *   scan's lookup key (also by prefix in the manual search) and is on every check-in's `badge`
 *   anyway; without name and phone it says who no one is.
 * - RxDB's replication keeps a copy of each member as the server last sent it (its "assumed
 *   master state", in a meta collection): that copy is sealed whole.
 * Any other query on a sealed field is refused (it could only answer wrongly); the name search
 * opens the documents and filters them (repositories/members.ts).
 *
 * Existing plain rows: members schema v2 is stored sealed, v1 and earlier were not; RxDB's
 * migration reads the v1 rows as they are and writes them to v2 through this wrapper
 * (data/migrations.ts), then removes the v1 tables.
 */
import {
  META_INSTANCE_SCHEMA_TITLE,
  prepareQuery,
  wrapRxStorageInstance,
  type FilledMangoQuery,
  type MangoQuerySelector,
  type PreparedQuery,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorage,
  type RxStorageInstance,
  type RxStorageInstanceCreationParams,
} from 'rxdb';
import { memberSchema } from '../../shared/schemas/index';
import type { PiiKeys } from './pii-keys';

/** From this members schema version on, member PII is stored sealed. */
export const MEMBERS_SEALED_FROM_VERSION = 2;
const MEMBER_SEALED = ['name', 'phoneMasked', 'phoneTail', 'category'] as const;
const MEMBER_BLIND_INDEXED = ['phoneTail'] as const;
/** Where the sealed fields go in a stored document. */
const SEALED_FIELD = 'pii';
/** A blind index is 16 bytes of HMAC in base64. */
const BLIND_INDEX_LENGTH = 24;

interface SealedLayout {
  sealed: readonly string[];
  blindIndexed: readonly string[];
  /** Names the collection in the blind index input, so equal values of two fields hash apart. */
  label: string;
}

const MEMBER_FIELDS = Object.keys(memberSchema.properties).sort().join(',');

/** Which stored documents are sealed, and how: the members collection and its replication copies. */
const layoutOf = (params: RxStorageInstanceCreationParams<unknown, unknown>): SealedLayout | null => {
  const schema = params.schema as RxJsonSchema<unknown> & { properties: Record<string, { properties?: object }> };
  if (schema.version < MEMBERS_SEALED_FROM_VERSION) return null;
  if (params.collectionName === 'members') return { sealed: MEMBER_SEALED, blindIndexed: MEMBER_BLIND_INDEXED, label: 'members' };
  // the replication's meta collection of `members` (named by a hash): its docData is a member
  // (with RxDB's own `_` fields added to the member's)
  const docData = schema.properties.docData?.properties;
  const ownFields = (props: object) => Object.keys(props).filter((key) => !key.startsWith('_')).sort().join(',');
  if (schema.title === META_INSTANCE_SCHEMA_TITLE && docData && ownFields(docData) === MEMBER_FIELDS) {
    return { sealed: ['docData'], blindIndexed: [], label: 'members-meta' };
  }
  return null;
};

/** The schema the inner storage sees: sealed fields replaced by `pii`, blind indexes as short strings. */
const storedSchema = (schema: RxJsonSchema<RxDocumentData<unknown>>, layout: SealedLayout): RxJsonSchema<RxDocumentData<unknown>> => {
  const properties: Record<string, unknown> = { ...schema.properties };
  for (const field of layout.sealed) delete properties[field];
  for (const field of layout.blindIndexed) properties[field] = { type: 'string', maxLength: BLIND_INDEX_LENGTH };
  properties[SEALED_FIELD] = { type: 'string' };
  const keep = new Set(layout.blindIndexed);
  const required = [...((schema.required as string[] | undefined) ?? []).filter((f) => !layout.sealed.includes(f) || keep.has(f)), SEALED_FIELD];
  return { ...schema, properties, required } as RxJsonSchema<RxDocumentData<unknown>>;
};

type Doc = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const piiSealedStorage = <Internals, Options>(args: { storage: RxStorage<Internals, Options>; keys: PiiKeys }): RxStorage<Internals, Options> => {
  const { keys } = args;
  return {
    ...args.storage,
    name: `pii-sealed-${args.storage.name}`,
    async createStorageInstance<RxDocType>(params: RxStorageInstanceCreationParams<RxDocType, Options>): Promise<RxStorageInstance<RxDocType, Internals, Options>> {
      const layout = layoutOf(params as RxStorageInstanceCreationParams<unknown, unknown>);
      if (!layout) return args.storage.createStorageInstance(params);
      const innerSchema = storedSchema(params.schema as RxJsonSchema<RxDocumentData<unknown>>, layout);
      const inner = await args.storage.createStorageInstance({ ...params, schema: innerSchema as unknown as RxJsonSchema<RxDocumentData<RxDocType>> });

      const blind = (field: string, value: string) => keys.blindIndex(`${layout.label}.${field}:${value}`);
      const toStorage = async (doc: Doc): Promise<Doc> => {
        const plain: Doc = {};
        const stored: Doc = { ...doc };
        for (const field of layout.sealed) {
          if (field in doc) plain[field] = doc[field];
          delete stored[field];
        }
        for (const field of layout.blindIndexed) if (typeof plain[field] === 'string') stored[field] = await blind(field, plain[field]);
        stored[SEALED_FIELD] = await keys.seal(JSON.stringify(plain));
        return stored;
      };
      const fromStorage = async (doc: Doc): Promise<Doc> => {
        const { [SEALED_FIELD]: sealed, ...rest } = doc;
        if (typeof sealed !== 'string') throw new Error(`a ${layout.label} document is stored without its sealed fields`);
        return { ...rest, ...(JSON.parse(await keys.open(sealed)) as Doc) };
      };

      /** The query on the stored form: exact matches on blind indexes hashed, anything else on a sealed field refused. */
      const storedSelector = async (selector: MangoQuerySelector<Doc>): Promise<MangoQuerySelector<Doc>> => {
        const out: Doc = {};
        for (const [key, condition] of Object.entries(selector)) {
          if ((key === '$and' || key === '$or' || key === '$nor') && Array.isArray(condition)) {
            out[key] = await Promise.all(condition.map((part) => storedSelector(part as MangoQuerySelector<Doc>)));
          } else if (layout.blindIndexed.includes(key)) {
            const value = isPlainObject(condition) ? condition.$eq : condition;
            if (typeof value !== 'string' || (isPlainObject(condition) && Object.keys(condition).length !== 1)) {
              throw new Error(`${layout.label}.${key} is sealed: only an exact match can be queried`);
            }
            out[key] = { $eq: await blind(key, value) };
          } else if (layout.sealed.includes(key)) {
            throw new Error(`${layout.label}.${key} is sealed: it cannot be queried`);
          } else {
            out[key] = condition;
          }
        }
        return out as MangoQuerySelector<Doc>;
      };
      const storedQuery = async (prepared: PreparedQuery<RxDocType>): Promise<PreparedQuery<RxDocType>> => {
        const query = prepared.query as FilledMangoQuery<Doc>;
        for (const part of query.sort) {
          const [field] = Object.keys(part);
          if (field && layout.sealed.includes(field)) throw new Error(`${layout.label}.${field} is sealed: it cannot sort`);
        }
        const rewritten = { ...query, selector: await storedSelector(query.selector) } as FilledMangoQuery<RxDocType>;
        return prepareQuery(innerSchema as unknown as RxJsonSchema<RxDocumentData<RxDocType>>, rewritten);
      };

      const wrapped = wrapRxStorageInstance(
        params.schema,
        inner,
        toStorage as unknown as (doc: RxDocumentData<RxDocType>) => Promise<RxDocumentData<unknown>>,
        fromStorage as unknown as (doc: RxDocumentData<unknown>) => Promise<RxDocumentData<RxDocType>>,
      );
      const query = wrapped.query.bind(wrapped);
      wrapped.query = async (prepared) => query(await storedQuery(prepared));
      wrapped.count = async (prepared) => inner.count(await storedQuery(prepared));
      return wrapped;
    },
  };
};
