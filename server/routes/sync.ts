/**
 * Sync endpoints for every collection (one protocol, typed from shared/protocol):
 *   GET  /api/sync/:collection/pull?seq=&limit=   commit-ordered page after a checkpoint
 *   POST /api/sync/:collection/push               a batch of {newDocumentState, assumedMasterState}
 * The station comes from the device's credential only; payload station ids are checked against it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  PULL_LIMIT_MAX,
  BODY_LIMIT_BYTES,
  PUSH_BATCH_MAX,
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  syncParamsSchema,
  type PullQuery,
  type PushRequest,
} from '../../shared/protocol/messages';
import { COLLECTION_NAMES, isCollectionName, type CollectionName } from '../../shared/schemas/index';
import { requireProtocolVersion } from '../plugins/protocol-check';
import { ApiError } from '../errors';
import { applyPush } from '../services/sync/push';
import type { PushQuotas } from '../config';
import { pullDocs } from '../repositories/sync-store';
import { errorResponses } from '../schemas/responses';

const collectionParam = (request: FastifyRequest): CollectionName => {
  const { collection } = request.params as { collection: string };
  if (!isCollectionName(collection)) {
    throw new ApiError(404, 'UNKNOWN_COLLECTION', `Unknown collection "${collection}"; known: ${COLLECTION_NAMES.join(', ')}`);
  }
  return collection;
};

/**
 * Answers go out as JSON.stringify writes them: documents keep their fields as stored (the
 * response schemas document them and the desk checks them, but a schema serializer would reorder
 * fields and coerce values of documents it knows only by their envelope).
 */
const asStored = () => (data: unknown) => JSON.stringify(data);

const device = (request: FastifyRequest) => {
  if (!request.device) throw new ApiError(401, 'UNAUTHENTICATED', 'A device access token is required');
  return request.device;
};

/**
 * Deepest nesting of a push body: the envelope (3 levels) around documents that may nest far
 * deeper than any schema allows and are then refused one by one (DOC_DEPTH_MAX in
 * services/sync/doc-validation.ts), so a bad document never fails its batch. Deeper bodies are
 * refused whole (NESTING_TOO_DEEP) after reading this many brackets.
 */
export const PUSH_JSON_DEPTH_MAX = 10_000;

export const syncRoutes = async (app: FastifyInstance, options: { quotas: PushQuotas }) => {
  // before the body is read (docs/security.md "Cheap checks first"): the rate limit (onRequest),
  // then the protocol version and the credential; an outsider's body is never parsed
  const preParsing = [requireProtocolVersion, app.authenticateDevice];
  const security = [{ device: [] }];

  app.get(
    '/:collection/pull',
    {
      preParsing,
      serializerCompiler: asStored,
      schema: {
        tags: ['sync'],
        summary: 'Documents of a collection changed after a checkpoint, in commit order',
        security,
        params: syncParamsSchema,
        querystring: pullQuerySchema,
        response: { 200: pullResponseSchema, ...errorResponses(400, 401, 404, 426) },
      },
    },
    async (request) => {
      const collection = collectionParam(request);
      const { seq, limit, count, epoch } = request.query as PullQuery; // defaults filled in by validation
      const pageSize = Number(limit);
      if (pageSize < 1 || pageSize > PULL_LIMIT_MAX) throw new ApiError(400, 'BAD_REQUEST', `limit must be 1…${PULL_LIMIT_MAX}`);
      return pullDocs(app.db, device(request).stationId, collection, { seq: Number(seq), ...(epoch ? { epoch } : {}) }, pageSize, { count: count === '1' });
    },
  );

  app.post(
    '/:collection/push',
    {
      preParsing,
      bodyLimit: BODY_LIMIT_BYTES,
      config: { jsonDepthMax: PUSH_JSON_DEPTH_MAX },
      serializerCompiler: asStored,
      schema: {
        tags: ['sync'],
        summary: 'Apply a batch of document writes; returns conflicts and rejected rows',
        security,
        params: syncParamsSchema,
        body: pushRequestSchema,
        response: { 200: pushResponseSchema, ...errorResponses(400, 401, 403, 404, 413, 415, 426, 429) },
      },
    },
    async (request) => {
      const collection = collectionParam(request);
      const { rows } = request.body as PushRequest;
      if (rows.length > PUSH_BATCH_MAX) throw new ApiError(413, 'BATCH_TOO_LARGE', `At most ${PUSH_BATCH_MAX} rows per push; got ${rows.length}`);
      const result = await applyPush(app.db, device(request), collection, rows, app.now(), { quotas: options.quotas });
      return { conflicts: result.conflicts, rejected: result.rejected };
    },
  );
};
