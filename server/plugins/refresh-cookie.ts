/**
 * Web-build token delivery. A browser tab cannot keep a secret the way Electron's main process
 * can (safeStorage), so on request (`x-token-delivery: cookie`) the refresh token travels in a
 * cookie that page scripts cannot read.
 *
 * Threats closed: XSS stealing the long-lived refresh token (HttpOnly); another site spending it
 * (SameSite=Strict, plus the custom protocol header that forces a CORS preflight); the cookie
 * reaching any other path (Path=/api/devices) or plain http when the server is https (Secure).
 * No @fastify/cookie: one cookie is read and written here.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TOKEN_DELIVERY_HEADER } from '../../shared/protocol/messages';

export const REFRESH_COOKIE = 'sd_refresh';
const COOKIE_PATH = '/api/devices';
/** Browsers cap cookie lifetime at 400 days; refresh tokens rotate long before. */
const MAX_AGE_SECONDS = 400 * 24 * 3600;

export const wantsCookieDelivery = (request: FastifyRequest): boolean => {
  const value = request.headers[TOKEN_DELIVERY_HEADER];
  return (Array.isArray(value) ? value[0] : value)?.trim().toLowerCase() === 'cookie';
};

/** The refresh token from the request's Cookie header, or ''. */
export const readRefreshCookie = (request: FastifyRequest): string => {
  const header = request.headers.cookie;
  if (!header) return '';
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== REFRESH_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return /^[A-Za-z0-9_-]{1,100}$/.test(value) ? value : '';
  }
  return '';
};

const attributes = (request: FastifyRequest): string =>
  `Path=${COOKIE_PATH}; HttpOnly; SameSite=Strict${request.protocol === 'https' ? '; Secure' : ''}`;

export const setRefreshCookie = (request: FastifyRequest, reply: FastifyReply, token: string): void => {
  reply.header('set-cookie', `${REFRESH_COOKIE}=${token}; Max-Age=${MAX_AGE_SECONDS}; ${attributes(request)}`);
};

export const clearRefreshCookie = (request: FastifyRequest, reply: FastifyReply): void => {
  reply.header('set-cookie', `${REFRESH_COOKIE}=; Max-Age=0; ${attributes(request)}`);
};
