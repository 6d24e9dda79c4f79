/** Errors the API returns on purpose: an HTTP status and a named reason from the shared protocol. */
import type { ErrorCode } from '../shared/protocol/errors';
import type { ErrorBody } from '../shared/protocol/messages';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const errorBody = (code: ErrorCode, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

export const badRequest = (message: string, details?: unknown) => new ApiError(400, 'BAD_REQUEST', message, details);
export const unauthenticated = (code: Extract<ErrorCode, 'UNAUTHENTICATED' | 'TOKEN_EXPIRED' | 'TOKEN_INVALID' | 'DEVICE_REVOKED' | 'REFRESH_TOKEN_REUSED'>, message: string) =>
  new ApiError(401, code, message);
export const forbidden = (code: ErrorCode, message: string) => new ApiError(403, code, message);
export const notFound = (message: string) => new ApiError(404, 'NOT_FOUND', message);
