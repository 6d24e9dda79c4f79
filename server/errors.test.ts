// Every code the server sends is typed as the shared table's ErrorCode, so a code missing from
// ERROR_TABLE (shared/protocol/errors.ts) does not compile; this file pins those types.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ERROR_CODES, ERROR_TABLE, type ErrorCode } from '../shared/protocol/errors';
import { isErrorBody, type RejectedRow } from '../shared/protocol/messages';
import type { forbidden } from './errors';
import { ApiError, errorBody, unauthenticated } from './errors';

describe('server error codes', () => {
  it('are typed against the shared error table wherever the server sends one', () => {
    expectTypeOf<ApiError['code']>().toEqualTypeOf<ErrorCode>();
    expectTypeOf<Parameters<typeof errorBody>[0]>().toEqualTypeOf<ErrorCode>();
    expectTypeOf<Parameters<typeof forbidden>[0]>().toEqualTypeOf<ErrorCode>();
    expectTypeOf<RejectedRow['code']>().toEqualTypeOf<ErrorCode>();
    expectTypeOf<Parameters<typeof unauthenticated>[0]>().toMatchTypeOf<ErrorCode>();
  });

  it('builds a body the desk recognises for every code', () => {
    for (const code of ERROR_CODES) {
      expect(isErrorBody(errorBody(code, 'why')), code).toBe(true);
      expect(new ApiError(400, code, 'why').code).toBe(code);
    }
  });

  it('refuses credentials only with codes the table gives a credential verdict', () => {
    const sent = ['UNAUTHENTICATED', 'TOKEN_EXPIRED', 'TOKEN_INVALID', 'DEVICE_REVOKED', 'REFRESH_TOKEN_REUSED'] as const satisfies readonly Parameters<typeof unauthenticated>[0][];
    for (const code of sent) {
      expect(ERROR_TABLE[code].credential, code).not.toBeNull();
      expect(unauthenticated(code, 'why').statusCode).toBe(401);
    }
  });
});
