/**
 * The members' booking API (for the union's phone app), authenticated as a member, never as a
 * desk:
 *   POST   /api/members/session            card number + phone tail → member access token
 *   POST   /api/members/session/pass       the member's pass (QR text) → member access token
 *   GET    /api/members/me/slots?date=     a station day: venues and classes with places free
 *   GET    /api/members/me/bookings        the member's bookings and no-show ban
 *   POST   /api/members/me/bookings        book a slot (decided under the station lock)
 *   DELETE /api/members/me/bookings/:id    cancel; the waitlist is promoted and desks pull it
 * Every write goes through the commit-ordered store and the shared booking rules
 * (repositories/member-bookings.ts); responses carry the verdict (status + reason code).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DAY_MS, localDate, localDayStart, noShowBan, type BookingSlotRequest } from '../../shared/domain/index';
import { createSignInThrottle } from '../services/sign-in-throttle';
import { signInWithCard, signInWithPass } from '../services/member-sign-in';
import { PASS_MAX_LENGTH } from '../../shared/passes/index';
import { ApiError, badRequest, unauthenticated } from '../errors';
import { bookForMember, cancelForMember } from '../services/member-bookings';
import { bookingsOfMember, loadStationDay, localDateStart } from '../repositories/member-day';
import { findStationProfile } from '../repositories/stations';
import { bookingReply, bookingsReply, createBody, dayView, passSessionBody, sessionBody, sessionReply, slotsReply } from '../schemas/member-bookings';
import { stationIdSchema } from '../schemas/fields';
import { docIdSchema } from '../../shared/ids';
import { errorResponses } from '../schemas/responses';
import { SMALL_BODY_LIMIT_BYTES } from '../plugins/body-parsing';

export const MEMBER_SIGN_IN_RATE_PER_MINUTE = 10;
export const MEMBER_WRITE_RATE_PER_MINUTE = 30;
/** How far ahead (days) the app may look and book. */
export const MEMBER_DAYS_AHEAD = 14;

const perAddress = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => request.ip } });
const security = [{ member: [] }];

const who = (request: FastifyRequest) => {
  if (!request.member) throw unauthenticated('UNAUTHENTICATED', 'A member token is required');
  return request.member;
};

export const memberBookingRoutes = async (app: FastifyInstance) => {
  // wrong guesses counted in the database, shared by every server process (docs/security.md)
  const throttle = createSignInThrottle(app.db);
  // the member token is checked before the body is read (docs/security.md "Cheap checks first")
  const preParsing = app.authenticateMember;

  app.post<{ Body: { stationId: string; cardNo: string; phoneTail: string } }>(
    '/session',
    {
      config: perAddress(MEMBER_SIGN_IN_RATE_PER_MINUTE),
      bodyLimit: SMALL_BODY_LIMIT_BYTES,
      schema: { tags: ['members'], summary: 'Sign a member in with card number and the last four digits of the phone', body: sessionBody(stationIdSchema), response: { 201: sessionReply, ...errorResponses(400, 401, 429) } },
    },
    async (request, reply) => {
      const { stationId } = request.body;
      const member = await signInWithCard(app.db, throttle, { ...request.body, client: request.ip, now: app.now() }).catch((error: unknown) => {
        request.log.warn({ stationId }, 'member sign-in refused');
        throw error;
      });
      const token = await app.memberTokens.issue(member.id, stationId);
      return reply.status(201).send({ ...token, member: { id: member.id, name: member.name, stationId } });
    },
  );

  app.post<{ Body: { stationId: string; pass: string } }>(
    '/session/pass',
    {
      config: perAddress(MEMBER_SIGN_IN_RATE_PER_MINUTE),
      schema: {
        tags: ['members'],
        summary: "Sign a member in with their pass (the QR text the app shows); works while the card's sign-in is locked",
        body: passSessionBody(stationIdSchema, PASS_MAX_LENGTH),
        response: { 201: sessionReply, ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const { stationId } = request.body;
      const member = await signInWithPass(app.db, { ...request.body, now: app.now() });
      const token = await app.memberTokens.issue(member.id, stationId);
      return reply.status(201).send({ ...token, member: { id: member.id, name: member.name, stationId } });
    },
  );

  app.get<{ Querystring: { date?: string } }>(
    '/me/slots',
    {
      preParsing,
      schema: {
        tags: ['members'],
        summary: 'Venues and classes of a station day with places taken and free',
        security,
        querystring: { type: 'object', additionalProperties: false, properties: { date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } } },
        response: { 200: slotsReply, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { stationId } = who(request);
      const now = app.now();
      const station = await findStationProfile(app.db, stationId);
      if (!station) throw new ApiError(404, 'NOT_FOUND', 'The station has no profile yet');
      const today = localDayStart(station, now);
      const start = request.query.date ? localDateStart(station, request.query.date) : today;
      if (start === null) throw badRequest(`Not a date: ${request.query.date}`);
      if (start < today - DAY_MS || start > today + MEMBER_DAYS_AHEAD * DAY_MS) {
        throw badRequest(`date must be between yesterday and ${MEMBER_DAYS_AHEAD} days ahead`);
      }
      const day = await loadStationDay(app.db, stationId, start, now);
      return dayView(localDate(station, start), day!);
    },
  );

  app.get(
    '/me/bookings',
    { preParsing, schema: { tags: ['members'], summary: "The member's bookings, newest slot first, and any no-show ban", security, response: { 200: bookingsReply, ...errorResponses(401) } } },
    async (request) => {
      const { stationId, memberId } = who(request);
      const station = await findStationProfile(app.db, stationId);
      const bookings = (await bookingsOfMember(app.db, stationId, memberId)).sort((a, b) => (a.startsAt < b.startsAt ? 1 : -1));
      const ban = station ? noShowBan(bookings, app.now(), station.rules) : { banned: false, until: null, count: 0 };
      return { bookings: bookings.slice(0, 200), ban };
    },
  );

  app.post<{ Body: { id?: string; slot: BookingSlotRequest } }>(
    '/me/bookings',
    {
      preParsing,
      config: perAddress(MEMBER_WRITE_RATE_PER_MINUTE),
      schema: {
        tags: ['members'],
        summary: 'Book a venue slot or a class; the answer carries the verdict (confirmed, waitlisted or rejected with a reason)',
        description: 'Send a client-made `id` to make retries safe: the same id returns the same booking.',
        security,
        body: createBody,
        response: { 200: bookingReply, 201: bookingReply, ...errorResponses(400, 401, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const { stationId, memberId } = who(request);
      const result = await bookForMember(app.db, { stationId, memberId, slot: request.body.slot, ...(request.body.id ? { id: request.body.id } : {}), now: app.now() });
      return reply.status(result.created ? 201 : 200).send({ booking: result.booking, position: result.position });
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/me/bookings/:id',
    {
      preParsing,
      config: perAddress(MEMBER_WRITE_RATE_PER_MINUTE),
      schema: {
        tags: ['members'],
        summary: 'Cancel a booking; its place goes to the head of the waitlist',
        security,
        params: { type: 'object', properties: { id: docIdSchema }, required: ['id'] },
        response: { 200: bookingReply, ...errorResponses(400, 401, 404, 409, 429) },
      },
    },
    async (request) => {
      const { stationId, memberId } = who(request);
      const result = await cancelForMember(app.db, { stationId, memberId, id: request.params.id, now: app.now() });
      return { booking: result.booking, position: 0 };
    },
  );
};
