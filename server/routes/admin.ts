/**
 * The admin API (used by the admin CLI): stations, enrollment codes, devices, roster imports,
 * the demo station, rotation of the token-signing keys. Every route requires the admin token and every action is audit-logged.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GLOBAL_STATION_ID, type StationDoc } from '../../shared/schemas/index';
import { BODY_LIMIT_BYTES } from '../../shared/protocol/messages';
import { createStationSchema, stationDoc, type CreateStationBody } from '../schemas/station';
import { decodeCsv } from '../services/member-import/csv';
import { importMembersCsv } from '../services/member-import/import-members';
import { DEFAULT_ENROLLMENT_TTL_HOURS, MAX_ENROLLMENT_TTL_HOURS } from '../crypto/enrollment-code';
import { seedDemoStation } from '../services/demo/seed';
import { ApiError, notFound } from '../errors';
import { writeAudit } from '../repositories/audit';
import { listDevices, revokeDevice } from '../repositories/devices';
import { createEnrollmentCode } from '../repositories/enrollment';
import { findStationProfile, listStations } from '../repositories/stations';
import { docProblem } from '../services/sync/doc-validation';
import { writeServerDocs } from '../repositories/sync-store';
import { singleLine, stationIdSchema } from '../schemas/fields';
import { errorResponses } from '../schemas/responses';

const ACTOR = 'admin';
const stationParams = { type: 'object', properties: { stationId: stationIdSchema }, required: ['stationId'] } as const;
const security = [{ admin: [] }];
/** Lets a client POST without a body where every field is optional (curl -X POST). */
const optionalBody = async (request: FastifyRequest) => {
  request.body ??= {};
};

export const adminRoutes = async (app: FastifyInstance) => {
  app.addHook('onRequest', app.authenticateAdmin);
  // Roster files: decoded here (UTF-8, or GB18030 as Excel writes on Chinese Windows).
  app.addContentTypeParser('text/csv', { parseAs: 'buffer' }, (_request, body, done) => done(null, decodeCsv(body as Buffer)));

  const station = async (stationId: string): Promise<StationDoc> => {
    const found = stationId === GLOBAL_STATION_ID ? null : await findStationProfile(app.db, stationId);
    if (!found) throw notFound(`No station ${stationId}; create it first (admin create-station)`);
    return found;
  };
  const audit = (action: string, stationId: string | null, details: Record<string, unknown>) =>
    writeAudit(app.db, { actor: ACTOR, action, stationId, details, at: app.now() });

  app.post<{ Body: CreateStationBody }>(
    '/stations',
    { schema: { summary: 'Create a station', tags: ['admin'], security, body: createStationSchema, response: errorResponses(400, 401, 403, 409) } },
    async (request, reply) => {
      const body = request.body;
      if (body.id.toLowerCase() === GLOBAL_STATION_ID) throw new ApiError(400, 'BAD_REQUEST', `"${GLOBAL_STATION_ID}" is reserved`);
      if (await findStationProfile(app.db, body.id)) throw new ApiError(409, 'ID_TAKEN', `Station ${body.id} already exists`);
      const now = app.now();
      const doc = stationDoc(body, now);
      const problem = docProblem('stations', { ...doc, _deleted: false });
      if (problem) throw new ApiError(400, 'SCHEMA_VIOLATION', `Invalid station: ${problem}`);
      await writeServerDocs(app.db, doc.id, 'stations', [{ ...doc }], { writtenBy: ACTOR, now });
      await audit('station.create', doc.id, { name: doc.name, type: doc.type, capacity: doc.capacity });
      return reply.status(201).send({ station: await findStationProfile(app.db, doc.id) });
    },
  );

  app.get('/stations', { schema: { summary: 'List stations', tags: ['admin'], security } }, async () => ({ stations: await listStations(app.db) }));

  app.post<{ Params: { stationId: string }; Body: { ttlHours?: number } }>(
    '/stations/:stationId/enrollment-codes',
    {
      preValidation: optionalBody,
      schema: {
        summary: 'Issue a one-time enrollment code for a new desk',
        tags: ['admin'],
        security,
        params: stationParams,
        body: {
          type: 'object',
          properties: { ttlHours: { type: 'number', exclusiveMinimum: 0, maximum: MAX_ENROLLMENT_TTL_HOURS, default: DEFAULT_ENROLLMENT_TTL_HOURS } },
          additionalProperties: false,
        },
        response: errorResponses(400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const { id } = await station(request.params.stationId);
      const ttlHours = request.body.ttlHours ?? DEFAULT_ENROLLMENT_TTL_HOURS;
      const issued = await createEnrollmentCode(app.db, id, { now: app.now(), ttlHours });
      await audit('enrollment-code.create', id, { expiresAt: new Date(issued.expiresAt).toISOString() });
      return reply.status(201).send({ code: issued.code, stationId: id, expiresAt: new Date(issued.expiresAt).toISOString() });
    },
  );

  app.get<{ Params: { stationId: string } }>(
    '/stations/:stationId/devices',
    { schema: { summary: "List a station's desks", tags: ['admin'], security, params: stationParams, response: errorResponses(401, 403, 404) } },
    async (request) => {
      const { id } = await station(request.params.stationId);
      return { devices: await listDevices(app.db, id) };
    },
  );

  app.post<{ Params: { deviceId: string }; Body: { reason?: string } }>(
    '/devices/:deviceId/revoke',
    {
      preValidation: optionalBody,
      schema: {
        summary: 'Revoke a desk: its stream closes and its next request is refused',
        tags: ['admin'],
        security,
        params: { type: 'object', properties: { deviceId: { type: 'string', minLength: 1, maxLength: 64 } }, required: ['deviceId'] },
        body: { type: 'object', properties: { reason: singleLine(0, 200) }, additionalProperties: false },
        response: errorResponses(400, 401, 403, 404),
      },
    },
    async (request) => {
      const reason = request.body.reason?.trim() || 'revoked by admin';
      const result = await revokeDevice(app.db, request.params.deviceId, { reason, actor: ACTOR, now: app.now() });
      if (!result) throw notFound(`No device ${request.params.deviceId}`);
      return result;
    },
  );

  app.post<{ Params: { stationId: string }; Body: string }>(
    '/stations/:stationId/members/import',
    {
      // a roster of up to IMPORT_ROWS_MAX members; other admin bodies keep the small default
      bodyLimit: BODY_LIMIT_BYTES,
      schema: {
        summary: 'Import members from CSV (cardNo,name,phone,category,status,validUntil); upserts by card number',
        tags: ['admin'],
        security,
        params: stationParams,
        consumes: ['text/csv'],
        response: errorResponses(400, 401, 403, 404, 413, 415),
      },
    },
    async (request) => {
      if (typeof request.body !== 'string') throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the roster as text/csv');
      const profile = await station(request.params.stationId);
      const report = await importMembersCsv(app.db, profile, request.body, { now: app.now(), writtenBy: ACTOR });
      await audit('members.import', profile.id, { imported: report.imported, updated: report.updated, unchanged: report.unchanged, errors: report.errorCount });
      return report;
    },
  );

  app.post('/demo', { schema: { summary: 'Seed the demo station if absent and issue an enrollment code', tags: ['admin'], security } }, async (_request, reply) => {
    const now = app.now();
    const seeded = await seedDemoStation(app.db, { now, passKeys: app.passKeys });
    const issued = await createEnrollmentCode(app.db, seeded.stationId, { now, ttlHours: DEFAULT_ENROLLMENT_TTL_HOURS });
    await audit('demo.seed', seeded.stationId, { created: seeded.created, expiresAt: new Date(issued.expiresAt).toISOString() });
    return reply.status(seeded.created ? 201 : 200).send({
      stationId: seeded.stationId,
      created: seeded.created,
      enrollmentCode: issued.code,
      expiresAt: new Date(issued.expiresAt).toISOString(),
    });
  });

  app.post<{ Body: { retireOld?: boolean } }>(
    '/token-keys/rotate',
    {
      preValidation: optionalBody,
      schema: {
        summary: 'New signing keys for desk and member tokens; old keys verify until their tokens expire, unless retireOld (a suspected leak)',
        description: 'With retireOld every desk refreshes its access token and every member signs in again; other server processes drop the old keys within a minute.',
        tags: ['admin'],
        security,
        body: { type: 'object', properties: { retireOld: { type: 'boolean', default: false } }, additionalProperties: false },
        response: errorResponses(400, 401, 403),
      },
    },
    async (request, reply) => {
      const retireOld = request.body.retireOld ?? false;
      const rotations = [await app.deviceTokens.rotate({ retireOld }), await app.memberTokens.rotate({ retireOld })];
      const keys = rotations.map((r) => ({ purpose: r.purpose, kid: r.kid, retiring: r.retiring, retireAt: new Date(r.retireAt).toISOString() }));
      await audit('token-keys.rotate', null, { retireOld, keys });
      return reply.status(201).send({ retireOld, keys });
    },
  );
};
