/**
 * Refuses desks that speak another sync protocol version (docs/sync-protocol.md "Versions"): a desk built for
 * an older protocol could misread checkpoints or push documents the server would mangle; one
 * built for a newer protocol expects features this server lacks. Both get a named reason and a
 * sentence saying who must upgrade, instead of failing in confusing ways later.
 *
 * Usable as `onRequest` (preferred: answers before the body is parsed or validated, so an old
 * desk learns it is old rather than that its body is wrong) or as `preHandler`.
 */
import type { FastifyRequest } from 'fastify';
import { MIN_SUPPORTED_PROTOCOL, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/protocol/version';
import { ApiError } from '../errors';

export const requireProtocolVersion = async (request: FastifyRequest): Promise<void> => {
  const raw = request.headers[PROTOCOL_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  const version = typeof value === 'string' && /^\s*\d{1,6}\s*$/.test(value) ? Number(value) : NaN;
  if (Number.isNaN(version)) {
    throw new ApiError(
      426,
      'CLIENT_TOO_OLD',
      `Missing or invalid ${PROTOCOL_HEADER} header: this server speaks sync protocol ${MIN_SUPPORTED_PROTOCOL}–${PROTOCOL_VERSION}; update the desk app`,
    );
  }
  if (version < MIN_SUPPORTED_PROTOCOL) {
    throw new ApiError(
      426,
      'CLIENT_TOO_OLD',
      `The desk speaks sync protocol ${version}, but this server needs ${MIN_SUPPORTED_PROTOCOL}–${PROTOCOL_VERSION}; update the desk app`,
    );
  }
  if (version > PROTOCOL_VERSION) {
    throw new ApiError(
      426,
      'SERVER_TOO_OLD',
      `The desk speaks sync protocol ${version}, but this server only knows up to ${PROTOCOL_VERSION}; ask the administrator to update the server`,
    );
  }
};
