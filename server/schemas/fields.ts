/** JSON schema fields that several route schemas share (validator, serializer and OpenAPI at once). */
import { docIdSchema } from '../../shared/ids';
import { SINGLE_LINE_PATTERN } from '../../shared/text';

/** One line of printable text: no control characters or line breaks (shared/text.ts). */
export const singleLine = (minLength: number, maxLength: number) => ({ type: 'string', minLength, maxLength, pattern: SINGLE_LINE_PATTERN }) as const;

/** A station id has the shape of every document id (docs/sync-protocol.md, "Ids"). */
export const stationIdSchema = docIdSchema;
