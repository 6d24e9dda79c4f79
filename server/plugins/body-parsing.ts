/**
 * How request bodies are read (docs/security.md "Cheap checks first").
 *
 * Threats closed:
 * - a body nested millions of levels deep (`[[[[…`): JSON.parse builds every level (1–2 s for
 *   8 MB) and any recursive walk afterwards overflows the stack. The nesting depth is counted
 *   over the raw text before JSON.parse, and a body deeper than its route allows is refused
 *   (NESTING_TOO_DEEP) after reading at most that many brackets;
 * - prototype poisoning (`__proto__`, `constructor.prototype`): parsed with secure-json-parse,
 *   which refuses both, as Fastify's own parser does;
 * - a compressed body passed on as if it were plain (`Content-Encoding: gzip` used to be ignored
 *   and the bytes parsed as JSON): any encoding but `identity` is refused with 415
 *   UNSUPPORTED_MEDIA_TYPE before the body is read.
 * Routes say how large (`bodyLimit`) and how deep (`config.jsonDepthMax`) their body may be;
 * credential and protocol checks run before this (preParsing hooks of the routes), so an
 * outsider's body is never read at all.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import secureJson from 'secure-json-parse';
import { ApiError } from '../errors';

/** Body limit of routes that name none: admin and member requests are a few hundred bytes. */
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;
/** Sign-in, enrollment and refresh: a code or token and a name. */
export const SMALL_BODY_LIMIT_BYTES = 4 * 1024;
/** Nesting depth of routes that name none (the deepest request schema is 4 levels). */
export const JSON_DEPTH_MAX = 32;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Deepest JSON nesting this route's body may have ([ and { outside strings). */
    jsonDepthMax?: number;
  }
}

/**
 * True when `text` nests arrays/objects deeper than `max`. One pass, no recursion, no
 * allocation: brackets are counted outside strings, and string contents are skipped with
 * indexOf (a quote ends a string unless an odd number of backslashes precede it). Stops at the
 * first bracket past `max`. Malformed JSON is left for JSON.parse to report.
 */
export const jsonDepthExceeds = (text: string, max: number): boolean => {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      for (;;) {
        const close = text.indexOf('"', i + 1);
        if (close === -1) return false;
        let backslashes = 0;
        for (let j = close - 1; text.charCodeAt(j) === 0x5c; j--) backslashes++;
        i = close;
        if (backslashes % 2 === 0) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
};

const malformed = (message: string) => new ApiError(400, 'MALFORMED_JSON', message);

const hasBody = (request: FastifyRequest) => request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined;

export const bodyParsingPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('preParsing', async (request) => {
      const encoding = request.headers['content-encoding'];
      if (encoding === undefined || !hasBody(request)) return;
      if (encoding.trim().toLowerCase() !== 'identity') {
        throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Compressed request bodies are not accepted: send the body without a Content-Encoding');
      }
    });

    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      const text = body as string;
      if (text.length === 0) return done(malformed('The request body is empty'), undefined);
      const max = request.routeOptions.config.jsonDepthMax ?? JSON_DEPTH_MAX;
      if (jsonDepthExceeds(text, max)) return done(new ApiError(400, 'NESTING_TOO_DEEP', `The request body nests deeper than ${max} levels`), undefined);
      let value: unknown;
      try {
        value = secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
      } catch {
        return done(malformed('The request body is not valid JSON'), undefined);
      }
      return done(null, value);
    });
  },
  { name: 'station-desk-body-parsing' },
);
