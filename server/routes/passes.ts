/**
 * The admin API for member passes (used by the admin CLI): issue a pass, revoke passes, rotate
 * and list the signing keys, and the demo sheet's passes. Admin token required; every action is
 * audit-logged. Responses carry public keys and pass texts, never a private key.
 */
import type { FastifyInstance } from 'fastify';
import { PASS_ID_PATTERN } from '../../shared/passes/index';
import { seedDemoStation } from '../services/demo/seed';
import { buildDemoPasses } from '../services/passes/demo-passes';
import { DEFAULT_PASS_DAYS, issuePass, revokePasses, type RevokeTarget } from '../services/passes/issue';
import { MAX_PASS_DAYS } from '../services/passes/keys';
import { writeAudit } from '../repositories/audit';
import { stationIdSchema } from '../schemas/fields';
import { errorResponses } from '../schemas/responses';

const ACTOR = 'admin';
const security = [{ admin: [] }];
const idSchema = { type: 'string', minLength: 1, maxLength: 40, pattern: PASS_ID_PATTERN.source } as const;

export const passRoutes = async (app: FastifyInstance) => {
  app.addHook('onRequest', app.authenticateAdmin);
  const audit = (action: string, stationId: string | null, details: Record<string, unknown>) =>
    writeAudit(app.db, { actor: ACTOR, action, stationId, details, at: app.now() });

  app.post<{ Body: { memberId: string; validDays?: number; stationId?: string } }>(
    '/passes',
    {
      schema: {
        summary: 'Issue a signed member pass (the QR text) to an active member',
        tags: ['admin', 'passes'],
        security,
        body: {
          type: 'object',
          properties: {
            memberId: idSchema,
            validDays: { type: 'integer', minimum: 1, maximum: MAX_PASS_DAYS, default: DEFAULT_PASS_DAYS },
            stationId: stationIdSchema,
          },
          required: ['memberId'],
          additionalProperties: false,
        },
        response: errorResponses(400, 401, 403, 404, 409, 503),
      },
    },
    async (request, reply) => {
      const { memberId, validDays, stationId } = request.body;
      const issued = await issuePass(app.db, app.passKeys, memberId, { now: app.now(), issuedBy: ACTOR, validDays, stationId });
      const { record } = issued;
      await audit('pass.issue', record.stationId, { passId: record.id, memberId: record.memberId, kid: record.kid, validUntil: record.validUntil });
      return reply.status(201).send({ pass: issued.pass, ...record, name: issued.member.name, cardNo: issued.member.cardNo });
    },
  );

  app.post<{ Body: RevokeTarget }>(
    '/passes/revoke',
    {
      schema: {
        summary: 'Revoke one pass (passId) or every pass a member holds now (memberId); reaches every desk as a trust document',
        tags: ['admin', 'passes'],
        security,
        body: {
          type: 'object',
          oneOf: [
            { properties: { passId: idSchema }, required: ['passId'], additionalProperties: false },
            { properties: { memberId: idSchema }, required: ['memberId'], additionalProperties: false },
          ],
        },
        response: errorResponses(400, 401, 403, 404),
      },
    },
    async (request) => {
      const result = await revokePasses(app.db, request.body, { now: app.now(), revokedBy: ACTOR });
      const { revocation, alreadyRevoked, passes } = result;
      if (!alreadyRevoked) await audit('pass.revoke', null, { passId: revocation.passId, memberId: revocation.memberId, from: revocation.validFrom, passes });
      return { alreadyRevoked, passes, revocation: { id: revocation.id, passId: revocation.passId, memberId: revocation.memberId, validFrom: revocation.validFrom } };
    },
  );

  app.get('/keys', { schema: { summary: 'List the pass keys desks verify with (public halves)', tags: ['admin', 'passes'], security } }, async () => ({
    keys: await app.passKeys.list(),
  }));

  app.post<{ Body: { retireOld?: boolean } }>(
    '/keys/rotate',
    {
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        summary: 'Make a new pass-signing key; old keys keep verifying until their end, unless retireOld (a suspected leak)',
        tags: ['admin', 'passes'],
        security,
        body: { type: 'object', properties: { retireOld: { type: 'boolean', default: false } }, additionalProperties: false },
        response: errorResponses(400, 401, 403),
      },
    },
    async (request, reply) => {
      const retireOld = request.body.retireOld ?? false;
      const change = await app.passKeys.rotate(app.now(), { retireOld });
      await audit('pass-key.rotate', null, { kid: change.key.kid, retired: change.retired, retireOld });
      return reply.status(201).send({ key: change.key, retired: change.retired });
    },
  );

  app.post('/demo/passes', { schema: { summary: "Seed the demo station if absent and issue the demo sheet's passes", tags: ['admin', 'passes'], security } }, async () => {
    const now = app.now();
    await seedDemoStation(app.db, { now, passKeys: app.passKeys });
    const demo = await buildDemoPasses(app.db, app.passKeys, { now, issuedBy: ACTOR });
    await audit('demo.passes', demo.stationId, { members: demo.entries.map((e) => e.memberId) });
    return { stationId: demo.stationId, generatedAt: new Date(now).toISOString(), entries: demo.entries };
  });
};
