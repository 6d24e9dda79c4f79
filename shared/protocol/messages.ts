/**
 * Wire messages of the sync protocol (see docs/sync-protocol.md), written once as runtime schemas
 * (TypeBox, i.e. plain JSON Schema). The TypeScript types are derived from them, the server's
 * routes validate and serialize with them, and the desk parses every answer through them
 * (`parse`, shared/protocol/parse.ts: no code generation, so it runs under the desk's strict CSP).
 * A protocol change is made here; PROTOCOL_VERSION (version.ts) says when it is incompatible.
 *
 * Pull:  GET  /api/sync/:collection/pull?seq=<checkpoint>&limit=<n>   → PullResponse
 * Push:  POST /api/sync/:collection/push   body PushRequest           → PushResponse
 * Live:  GET  /api/sync/stream             text/event-stream of StreamHint (`event: hint`)
 * Auth:  POST /api/devices/enroll, POST /api/devices/refresh           → DeviceTokens
 * Every refusal: ErrorBody.
 */
import { Type, type Static } from '@sinclair/typebox';
import { SINGLE_LINE_PATTERN } from '../text';
import { COLLECTION_NAMES, ID_MAX_LENGTH, type CollectionDocs, type CollectionName } from '../schemas/index';
import { ERROR_CODES } from './errors';
import { check } from './parse';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from './version';

export const PULL_LIMIT_MAX = 1000;
export const PUSH_BATCH_MAX = 1000;
/** Largest request body the server reads (bytes). */
export const BODY_LIMIT_BYTES = 8 * 1024 * 1024;

const EPOCH_PATTERN = '^[0-9a-f]{1,64}$';
const idString = Type.String({ minLength: 1, maxLength: ID_MAX_LENGTH });
const seqNumber = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

export const errorCodeSchema = Type.Union(ERROR_CODES.map((code) => Type.Literal(code)));
export const collectionNameSchema = Type.Union(COLLECTION_NAMES.map((name) => Type.Literal(name)));

/** `{ error: { code, message } }`: every HTTP refusal, with a named reason (errors.ts). */
export const errorBodySchema = Type.Object(
  { error: Type.Object({ code: errorCodeSchema, message: Type.String(), details: Type.Optional(Type.Unknown()) }) },
  { description: 'A refusal with a named reason' },
);
export type ErrorBody = Static<typeof errorBodySchema>;
/** A refusal in the protocol's shape, checked against the schema (eval-free, as on the desk). */
export const isErrorBody = (value: unknown): value is ErrorBody => check(errorBodySchema, value).ok;

/**
 * Per-station, commit-ordered position. `seq` comes from a per-station counter incremented
 * under the station's row lock inside the push transaction, so it never goes backwards in
 * commit order. Never a clock.
 */
export const checkpointSchema = Type.Object({
  seq: seqNumber,
  /**
   * Identity of the server database the seq belongs to. A database restored from a backup, or
   * created afresh, has another epoch: the server then answers from seq 0, so a desk never
   * keeps a checkpoint above rows it has not seen. Optional: added to version 1 later.
   */
  epoch: Type.Optional(Type.String({ pattern: EPOCH_PATTERN })),
});
export type Checkpoint = Static<typeof checkpointSchema>;

/**
 * What every document on the wire has, whatever its collection: the fields the desk and the
 * server rely on (primary key, station scope, server stamp, tombstone). The rest of a document
 * is its collection's schema (shared/schemas), which the server checks row by row on push.
 */
export const wireDocSchema = Type.Object(
  { id: idString, stationId: idString, serverRev: seqNumber, updatedAt: Type.String(), _deleted: Type.Boolean() },
  { additionalProperties: true },
);
/** A document as it crosses the wire: the collection's fields plus the tombstone flag. */
export type WireDoc<C extends CollectionName = CollectionName> = CollectionDocs[C] & Static<typeof wireDocSchema>;

/** Path parameters of pull and push; an unknown name is refused as UNKNOWN_COLLECTION (404) by the route. */
export const syncParamsSchema = Type.Object({ collection: Type.String({ maxLength: 40 }) });

/** Query of a pull. Query values are strings; `count=1` asks for `remaining` (added later to version 1). */
export const pullQuerySchema = Type.Object(
  {
    seq: Type.String({ pattern: '^\\d{1,15}$', default: '0' }),
    limit: Type.String({ pattern: '^\\d{1,5}$', default: '500' }),
    count: Type.Union([Type.Literal('0'), Type.Literal('1')], { default: '0' }),
    epoch: Type.Optional(Type.String({ pattern: EPOCH_PATTERN })),
  },
  { additionalProperties: false },
);
export type PullQuery = Static<typeof pullQuerySchema>;

export const pullResponseSchema = Type.Object({
  documents: Type.Array(wireDocSchema),
  /** Position after the last returned document; equal to the request's when nothing new. */
  checkpoint: checkpointSchema,
  /**
   * How many documents of this collection remain after this page (same scope, seq >
   * checkpoint.seq) — only when the request asked with `count=1`: counting costs a scan of what
   * remains, so a desk asks once per catch-up and counts down itself. Drives the first-sync
   * progress bar. Optional: added to version 1 later.
   */
  remaining: Type.Optional(Type.Integer({ minimum: 0 })),
  /**
   * True when the server cut this page short by size (large documents, e.g. photos) and more
   * documents follow: RxDB treats a page shorter than `limit` as "caught up", so the desk must
   * pull again at once. Optional: added to version 1 later.
   */
  more: Type.Optional(Type.Boolean()),
});
export type PullResponse<C extends CollectionName = CollectionName> = Omit<Static<typeof pullResponseSchema>, 'documents'> & {
  documents: WireDoc<C>[];
};

/**
 * A pushed document needs only an id at the envelope: the server checks each row against its
 * collection's schema and refuses a bad one in `rejected` while the rest of the batch applies
 * (a document that failed here would fail the whole batch and block the desk's queue).
 */
const pushedDocSchema = Type.Object({ id: Type.String({ minLength: 1 }) }, { additionalProperties: true });

export const pushRowSchema = Type.Object(
  {
    newDocumentState: pushedDocSchema,
    /** What the desk believes the server holds; null for a document new to the desk's view. */
    assumedMasterState: Type.Union([pushedDocSchema, Type.Null()]),
  },
  { additionalProperties: false },
);
export type PushRow<C extends CollectionName = CollectionName> = {
  newDocumentState: WireDoc<C>;
  assumedMasterState: WireDoc<C> | null;
};

export const pushRequestSchema = Type.Object({ rows: Type.Array(pushRowSchema) }, { additionalProperties: false });
export type PushRequest<C extends CollectionName = CollectionName> = { rows: PushRow<C>[] };

/** A row the server refused on its own merits; the rest of the batch still applied. */
export const rejectedRowSchema = Type.Object({ id: Type.String(), code: errorCodeSchema, message: Type.String() });
export type RejectedRow = Static<typeof rejectedRowSchema>;

export const pushResponseSchema = Type.Object({
  /** Current master states of rows whose assumedMasterState was stale. */
  conflicts: Type.Array(wireDocSchema),
  rejected: Type.Array(rejectedRowSchema),
});
export type PushResponse<C extends CollectionName = CollectionName> = Omit<Static<typeof pushResponseSchema>, 'conflicts'> & {
  conflicts: WireDoc<C>[];
};

/** Event names on the live stream. */
export const STREAM_EVENTS = { hint: 'hint', revoked: 'revoked' } as const;

/** `event: hint` on the live stream: "collection has changes up to seq; pull". Hints may be lost. */
export const streamHintSchema = Type.Object({ collection: collectionNameSchema, seq: seqNumber });
export type StreamHint = Static<typeof streamHintSchema>;

/** `event: revoked`: the device was revoked; the stream closes. */
export const streamRevokedSchema = Type.Object({ code: Type.Literal('DEVICE_REVOKED') });
export type StreamRevoked = Static<typeof streamRevokedSchema>;

/** One line of printable text: no control characters or line breaks (shared/text.ts). */
const singleLineText = (minLength: number, maxLength: number) => Type.String({ minLength, maxLength, pattern: SINGLE_LINE_PATTERN });

export const enrollRequestSchema = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 32, description: 'XXXX-XXXX (case, spaces and hyphens are ignored)' }),
    deskName: singleLineText(1, 40),
  },
  { additionalProperties: false },
);
export type EnrollRequest = Static<typeof enrollRequestSchema>;

export const refreshRequestSchema = Type.Object(
  {
    deviceId: Type.String({ minLength: 1, maxLength: 64 }),
    refreshToken: Type.String({ maxLength: 100, description: "'' to use the sd_refresh cookie" }),
  },
  { additionalProperties: false },
);
export type RefreshRequest = Static<typeof refreshRequestSchema>;

/** The answer to enroll (201) and refresh (200). */
export const deviceTokensSchema = Type.Object({
  deviceId: Type.String({ minLength: 1 }),
  stationId: Type.String({ minLength: 1 }),
  accessToken: Type.String({ minLength: 1 }),
  accessExpiresAt: Type.Integer({ minimum: 1, description: 'ms since epoch' }),
  refreshToken: Type.String({ description: "'' when delivered as the sd_refresh cookie (added later to version 1)" }),
});
export type DeviceTokens = Static<typeof deviceTokensSchema>;

/**
 * Request header of the web build on enroll/refresh: `cookie` asks the server to deliver the
 * refresh token in an HttpOnly SameSite=Strict cookie (path /api/devices) and answer
 * `refreshToken: ''`, so page scripts never hold it. Added later to version 1.
 */
export const TOKEN_DELIVERY_HEADER = 'x-token-delivery';

/** Headers of enroll and refresh. */
export const deviceHeadersSchema = Type.Object({
  [PROTOCOL_HEADER]: Type.String({ description: `Sync protocol version (${PROTOCOL_VERSION})` }),
  [TOKEN_DELIVERY_HEADER]: Type.Optional(
    Type.Union([Type.Literal('cookie'), Type.Literal('body')], { description: 'Web build: `cookie` delivers the refresh token as an HttpOnly cookie' }),
  ),
});
