/**
 * Text that every store accepts. PostgreSQL's jsonb refuses a NUL character and a lone UTF-16
 * surrogate (half of an emoji, e.g. from `.slice()` in the middle of one); one such string in a
 * push would fail the whole batch. Truncate by code points, and check before storing.
 */

// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** At most `max` UTF-16 units, never splitting a character. */
export const truncateText = (text: string, max: number): string => {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
};

export const isStorableText = (text: string): boolean => !UNSTORABLE.test(text);

/** The path of the first string in a JSON value that no store would accept, or null. */
export const unstorableTextPath = (value: unknown, path = ''): string | null => {
  if (typeof value === 'string') return isStorableText(value) ? null : path || '/';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableTextPath(value[i], `${path}/${i}`);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      const found = unstorableTextPath(key, `${path}/${key}(key)`) ?? unstorableTextPath(child, `${path}/${key}`);
      if (found) return found;
    }
  }
  return null;
};
