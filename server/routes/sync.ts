/**
 * Sync endpoints for every collection (one protocol, typed from shared/protocol):
 *   GET  /api/sync/:collection/pull?seq=&limit=   commit-ordered page after a checkpoint
 *   POST /api/sync/:collection/push               a batch of {newDocumentState, assumedMasterState}
 * The station comes from the device's credential only; payload station ids are checked against it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PULL_LIMIT_MAX, PUSH_BATCH_MAX, type PushRequest } from '../../shared/protocol/messages';
import { COLLECTION_NAMES, isCollectionName, type CollectionName } from '../../shared/schemas/index';
import { requireProtocolVersion } from '../plugins/protocol-check';
import { ApiError } from '../errors';
import { applyPush } from '../services/sync/push';
import { pullDocs } from '../repositories/sync-store';

const errorSchema = { $ref: 'ApiError#' };

const collectionParam = (request: FastifyRequest): CollectionName => {
  const { collection } = request.params as { collection: string };
  if (!isCollectionName(collection)) {
    throw new ApiError(404, 'UNKNOWN_COLLECTION', `Unknown collection "${collection}"; known: ${COLLECTION_NAMES.join(', ')}`);
  }
  return collection;
};

const device = (request: FastifyRequest) => {
  if (!request.device) throw new ApiError(401, 'UNAUTHENTICATED', 'A device access token is required');
  return request.device;
};

export const syncRoutes = async (app: FastifyInstance) => {
  app.addSchema({
    $id: 'ApiError',
    type: 'object',
    properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } } },
  });
  const preHandler = [requireProtocolVersion, app.authenticateDevice];
  const security = [{ device: [] }];

  app.get(
    '/:collection/pull',
    {
      preHandler,
      schema: {
        tags: ['sync'],
        summary: 'Documents of a collection changed after a checkpoint, in commit order',
        security,
        params: { type: 'object', properties: { collection: { type: 'string', maxLength: 40 } }, required: ['collection'] },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            seq: { type: 'string', pattern: '^\\d{1,15}$', default: '0' },
            limit: { type: 'string', pattern: '^\\d{1,5}$', default: '500' },
            count: { type: 'string', enum: ['0', '1'], default: '0' },
            epoch: { type: 'string', pattern: '^[0-9a-f]{1,64}$' },
          },
        },
        response: { 400: errorSchema, 401: errorSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const collection = collectionParam(request);
      const { seq, limit, count, epoch } = request.query as { seq: string; limit: string; count: string; epoch?: string };
      const pageSize = Number(limit);
      if (pageSize < 1 || pageSize > PULL_LIMIT_MAX) throw new ApiError(400, 'BAD_REQUEST', `limit must be 1…${PULL_LIMIT_MAX}`);
      return pullDocs(app.db, device(request).stationId, collection, { seq: Number(seq), ...(epoch ? { epoch } : {}) }, pageSize, { count: count === '1' });
    },
  );

  app.post(
    '/:collection/push',
    {
      preHandler,
      schema: {
        tags: ['sync'],
        summary: 'Apply a batch of document writes; returns conflicts and rejected rows',
        security,
        params: { type: 'object', properties: { collection: { type: 'string', maxLength: 40 } }, required: ['collection'] },
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['rows'],
          properties: {
            rows: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['newDocumentState', 'assumedMasterState'],
                properties: { newDocumentState: { type: 'object' }, assumedMasterState: { type: ['object', 'null'] } },
              },
            },
          },
        },
        response: { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 413: errorSchema },
      },
    },
    async (request) => {
      const collection = collectionParam(request);
      const { rows } = request.body as PushRequest;
      if (rows.length > PUSH_BATCH_MAX) throw new ApiError(413, 'BATCH_TOO_LARGE', `At most ${PUSH_BATCH_MAX} rows per push; got ${rows.length}`);
      const result = await applyPush(app.db, device(request), collection, rows, app.now());
      await app.hints.publish(result.hints);
      return { conflicts: result.conflicts, rejected: result.rejected };
    },
  );
};
