/** JSON schema fields that several route schemas share (validator, serializer and OpenAPI at once). */

/** One line of printable text: no control characters or line breaks. */
export const singleLine = (minLength: number, maxLength: number) =>
  ({ type: 'string', minLength, maxLength, pattern: '^[^\\u0000-\\u001f\\u007f\\u2028\\u2029]*$' }) as const;

export const stationIdSchema = { type: 'string', minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$' } as const;
