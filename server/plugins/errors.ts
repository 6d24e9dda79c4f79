/**
 * Every error leaves the server as `{ error: { code, message } }` with a named reason: ours
 * (ApiError), Fastify's (bad JSON, body too large, schema validation), rate limits, the ones
 * Fastify answers outside the error handler (a malformed URL: `frameworkErrors`; a malformed
 * HTTP request: `clientErrorHandler`; a request while shutting down: 503 UNAVAILABLE), and
 * unknown routes. Internal failures are logged and answered with INTERNAL: no stack, SQL or path
 * reaches a client.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ErrorCode } from '../../shared/protocol/errors';
import { ApiError, errorBody } from '../errors';

const FASTIFY_CODES: Record<string, { status: number; code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', message: 'The request body is empty' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported content type: send application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'BAD_REQUEST', message: 'Content-Length does not match the body' },
  FST_ERR_BAD_URL: { status: 400, code: 'BAD_REQUEST', message: 'The URL is not valid' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'BAD_REQUEST', message: 'A path parameter is too long' },
};

/** Fastify's `frameworkErrors`: errors it meets before routing (a malformed URL), in our shape. */
export const frameworkErrors = (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
  const known = FASTIFY_CODES[error.code];
  void reply.status(known?.status ?? 400).send(errorBody(known?.code ?? 'BAD_REQUEST', known?.message ?? 'The request is not valid'));
};

/** Fastify's `clientErrorHandler`: a request Node's HTTP parser refused (bad framing, huge headers, timeout). */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'The request took too long to arrive'] : error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'The request headers are too large'] : [400, 'The request is not valid HTTP'];
  const body = JSON.stringify(errorBody('BAD_REQUEST', message));
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}

export const errorsPlugin = fp(async (app: FastifyInstance) => {
  // Fastify's own 503 while closing is not in our shape (buildApp turns it off): refuse here
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (!closing) return;
    void reply.header('connection', 'close');
    throw new ApiError(503, 'UNAVAILABLE', 'The server is shutting down; retry in a moment');
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError) {
      return reply.status(error.statusCode).send(errorBody(error.code, error.message, error.details));
    }
    if (error.validation) {
      const details = error.validation.slice(0, 10).map((v) => ({ path: v.instancePath, message: v.message }));
      return reply.status(400).send(errorBody('SCHEMA_VIOLATION', `Invalid request ${error.validationContext ?? ''}: ${error.message}`.trim(), details));
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return reply.status(known.status).send(errorBody(known.code, known.message));
    if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON') {
      return reply.status(400).send(errorBody('MALFORMED_JSON', 'The request body is not valid JSON'));
    }
    if (error.statusCode === 429) return reply.status(429).send(errorBody('RATE_LIMITED', 'Too many requests; slow down and retry'));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(errorBody('BAD_REQUEST', error.message));
    }
    // name, code and message only: a driver error can carry the query's parameters (a whole
    // push batch: member data, photos), which do not belong in a log
    request.log.error({ err: { name: error.name, code: error.code, message: error.message } }, 'unhandled error');
    return reply.status(500).send(errorBody('INTERNAL', 'Internal server error'));
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send(errorBody('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`)));
});
