/**
 * Named reasons for refusing a request. Every HTTP error the server returns is
 * `{ error: { code, message } }` with one of these codes, so the desk can explain it in Chinese.
 */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'MALFORMED_JSON',
  'SCHEMA_VIOLATION',
  'PAYLOAD_TOO_LARGE',
  'BATCH_TOO_LARGE',
  'UNKNOWN_COLLECTION',
  'READ_ONLY_COLLECTION',
  'WRONG_STATION',
  'ID_TAKEN',
  'APPEND_ONLY_VIOLATION',
  'CLIENT_TOO_OLD',
  'SERVER_TOO_OLD',
  'UNAUTHENTICATED',
  'TOKEN_EXPIRED',
  'TOKEN_INVALID',
  'DEVICE_REVOKED',
  'REFRESH_TOKEN_REUSED',
  'ENROLLMENT_CODE_INVALID',
  'ENROLLMENT_CODE_EXPIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export const isErrorBody = (value: unknown): value is ErrorBody => {
  if (typeof value !== 'object' || value === null) return false;
  const error = (value as { error?: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((error as { code: string }).code)
  );
};
