/** JSON schema fields that several route schemas share (validator, serializer and OpenAPI at once). */
import { SINGLE_LINE_PATTERN } from '../../shared/text';

/** One line of printable text: no control characters or line breaks (shared/text.ts). */
export const singleLine = (minLength: number, maxLength: number) => ({ type: 'string', minLength, maxLength, pattern: SINGLE_LINE_PATTERN }) as const;

export const stationIdSchema = { type: 'string', minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$' } as const;
