/**
 * Shared text rules. Control characters (one definition for desk, main and server) and text
 * that every store accepts.
 *
 * Control characters are C0 (U+0000–U+001F), DEL and C1 (U+007F–U+009F) and the Unicode line and
 * paragraph separators (U+2028, U+2029): never part of one line of text. Three uses:
 * - reject (`hasControlChars`, `SINGLE_LINE_PATTERN` for JSON Schema): single-line fields that
 *   staff or a client typed: a name, a title, a URL;
 * - replace (`replaceControlChars`): text from elsewhere shown on one line, e.g. a server message;
 * - strip (`stripControlChars`): what a scanner wedged or staff pasted into a code field, where
 *   invisible format characters (zero-width, direction marks and overrides, BOM) are noise too.
 *
 * Text that every store accepts. PostgreSQL's jsonb refuses a NUL character and a lone UTF-16
 * surrogate (half of an emoji, e.g. from `.slice()` in the middle of one); one such string in a
 * push would fail the whole batch. Truncate by code points, and check before storing.
 */

const CONTROL_CLASS = '\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029';
/** Zero-width space/joiners, LRM/RLM, bidi embeddings and overrides, word joiner, bidi isolates, BOM. */
const INVISIBLE_CLASS = '\\u200b-\\u200f\\u202a-\\u202e\\u2060\\u2066-\\u2069\\ufeff';

const CONTROL = new RegExp(`[${CONTROL_CLASS}]`);
const CONTROL_EACH = new RegExp(`[${CONTROL_CLASS}]`, 'g');
const NOISE = new RegExp(`[${CONTROL_CLASS}${INVISIBLE_CLASS}]`, 'g');

/** A JSON Schema `pattern` (server routes, protocol schemas) that refuses control characters. */
export const SINGLE_LINE_PATTERN = `^[^${CONTROL_CLASS}]*$`;

/** True when `text` has a control character or line break: refuse it as one line of text. */
export const hasControlChars = (text: string): boolean => CONTROL.test(text);

/** Every control character replaced by `by` (one for one), e.g. to show foreign text on one line. */
export const replaceControlChars = (text: string, by = ' '): string => text.replace(CONTROL_EACH, by);

/** Full-width ASCII and the ideographic space (typed with a Chinese IME active) folded to ASCII. */
export const foldFullWidth = (text: string): string =>
  text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

/** Control and invisible format characters removed: scanner and paste noise in a code or tag. */
export const stripControlChars = (text: string): string => text.replace(NOISE, '');

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
