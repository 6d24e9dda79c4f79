/**
 * Named reasons for refusing a request. Every HTTP error the server returns is
 * `{ error: { code, message } }` with one of these codes, so the desk can explain it in Chinese.
 *
 * `ERROR_TABLE` is the one list of codes and what each means to a client; `ErrorCode` is derived
 * from it, and the server types every code it sends as `ErrorCode` (server/errors.ts), so a code
 * missing here does not compile. Electron main (src-main/device-errors.ts) and the desk's sync
 * (src-renderer/data/sync/sync-errors.ts) derive their sets from it.
 */

/** What a code says about the desk's credential. */
export type CredentialVerdict =
  /** The credential is dead wherever it is presented: forget it, show re-enrollment. */
  | 'dead'
  /** The access token was refused: refresh it once; the same answer to a refresh means dead. */
  | 'refresh'
  /** Nothing about the credential. */
  | null;

export interface ErrorMeaning {
  /** The same request may succeed later without anyone changing anything (load, a passing outage). */
  retryable: boolean;
  credential: CredentialVerdict;
  /**
   * Staff see a sentence for this code: i18n key `syncError.<code>` in src-renderer/i18n (its test
   * checks zh-CN and en for every code), or main's own sentence (src-main/device-errors.ts).
   */
  staffVisible: boolean;
}

const refusal: ErrorMeaning = { retryable: false, credential: null, staffVisible: true };
const transient: ErrorMeaning = { retryable: true, credential: null, staffVisible: true };

export const ERROR_TABLE = {
  BAD_REQUEST: refusal,
  MALFORMED_JSON: refusal,
  /** The request body nests arrays/objects deeper than its route allows. */
  NESTING_TOO_DEEP: refusal,
  /** The body's Content-Type or Content-Encoding is not one the route reads (415). */
  UNSUPPORTED_MEDIA_TYPE: refusal,
  SCHEMA_VIOLATION: refusal,
  PAYLOAD_TOO_LARGE: refusal,
  BATCH_TOO_LARGE: refusal,
  UNKNOWN_COLLECTION: refusal,
  READ_ONLY_COLLECTION: refusal,
  WRONG_STATION: refusal,
  ID_TAKEN: refusal,
  APPEND_ONLY_VIOLATION: refusal,
  /** A pushed record names someone who is not a staff member of the station (or no one, where staff sign in). */
  STAFF_UNKNOWN: refusal,
  /** A pushed override names someone who is not a manager of the station. */
  OVERRIDE_NOT_MANAGER: refusal,
  CLIENT_TOO_OLD: refusal,
  SERVER_TOO_OLD: refusal,
  /** No credential was presented (or a refresh without a refresh token). */
  UNAUTHENTICATED: { retryable: false, credential: 'refresh', staffVisible: true },
  TOKEN_EXPIRED: { retryable: false, credential: 'refresh', staffVisible: true },
  TOKEN_INVALID: { retryable: false, credential: 'dead', staffVisible: true },
  DEVICE_REVOKED: { retryable: false, credential: 'dead', staffVisible: true },
  REFRESH_TOKEN_REUSED: { retryable: false, credential: 'dead', staffVisible: true },
  ENROLLMENT_CODE_INVALID: refusal,
  ENROLLMENT_CODE_EXPIRED: refusal,
  /** A pushed row's id (or station id) is not of the one id shape (docs/sync-protocol.md, "Ids"). */
  BAD_ID: refusal,
  /** A pushed member claims a card number another member of the station holds. */
  CARD_TAKEN: refusal,
  /** The desk's or the station's upload allowance for today (bytes, photos) is used up; it renews at the station's midnight. */
  QUOTA_EXCEEDED: transient,
  FORBIDDEN: refusal,
  NOT_FOUND: refusal,
  RATE_LIMITED: transient,
  UNAVAILABLE: transient,
  INTERNAL: transient,
} as const satisfies Record<string, ErrorMeaning>;

export type ErrorCode = keyof typeof ERROR_TABLE;
export const ERROR_CODES = Object.keys(ERROR_TABLE) as readonly ErrorCode[];

export const isErrorCode = (value: unknown): value is ErrorCode => typeof value === 'string' && Object.hasOwn(ERROR_TABLE, value);

/** Codes whose meaning matches `test`, e.g. every code that kills the credential. */
export const errorCodesWhere = (test: (meaning: ErrorMeaning) => boolean): readonly ErrorCode[] =>
  ERROR_CODES.filter((code) => test(ERROR_TABLE[code]));

/** Said by any request: the credential is dead. */
export const DEAD_CREDENTIAL_CODES = errorCodesWhere((meaning) => meaning.credential === 'dead');
/** Said to a request with an access token: refresh the token and try once more. */
export const REFRESH_CREDENTIAL_CODES = errorCodesWhere((meaning) => meaning.credential === 'refresh');
/** Said to a refresh (the credential itself): it is dead, including the codes that would mean "refresh" elsewhere. */
export const REFRESH_REFUSED_CODES = errorCodesWhere((meaning) => meaning.credential !== null);

export const isRetryableCode = (code: string): boolean => isErrorCode(code) && ERROR_TABLE[code].retryable;

