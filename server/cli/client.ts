/**
 * The admin CLI's HTTP client of /api/admin: a bearer token, JSON or CSV bodies, and every
 * failure turned into one sentence the operator can act on (server not running, wrong token,
 * the server's named error code).
 */
import { isErrorBody } from '../../shared/protocol/messages';
import type { ParsedArgs } from './args';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export const EXIT = { ok: 0, failed: 1, usage: 2, unreachable: 3, auth: 4 } as const;

export interface AdminClient {
  request<T>(method: 'GET' | 'POST', path: string, body?: { json: unknown } | { csv: Buffer }): Promise<T>;
}

export type Print = (line?: string) => void;
/** One CLI command: reads its flags, calls /api/admin through the client, prints the outcome. */
export type Command = (client: AdminClient, args: ParsedArgs, print: Print) => Promise<void>;

/** Node's fetch hides the reason in `cause` (sometimes an AggregateError of per-address failures). */
const causeCode = (error: unknown): string => {
  const cause = (error as { cause?: { code?: string; message?: string; errors?: Array<{ code?: string }> } } | undefined)?.cause;
  return cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message ?? '';
};

export const createAdminClient = (serverUrl: string, token: string, timeoutMs = 120_000): AdminClient => ({
  async request<T>(method: 'GET' | 'POST', path: string, body?: { json: unknown } | { csv: Buffer }): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    let payload: string | Uint8Array<ArrayBuffer> | undefined;
    if (body && 'json' in body) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body.json);
    } else if (body) {
      headers['content-type'] = 'text/csv';
      payload = new Uint8Array(body.csv); // bytes as read: the server detects UTF-8 or GB18030
    }
    let response: Response;
    try {
      response = await fetch(`${serverUrl}/api/admin${path}`, { method, headers, body: payload, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') throw new CliError(`The server at ${serverUrl} did not answer within ${timeoutMs / 1000} s.`, EXIT.unreachable);
      const code = causeCode(error);
      const why = code === 'ECONNREFUSED' ? 'connection refused — is the server running? (npm run server)' : code || (error as Error).message;
      throw new CliError(`Cannot reach the server at ${serverUrl}: ${why}. Set --server or STATION_DESK_SERVER.`, EXIT.unreachable);
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      json = undefined;
    }
    if (response.ok) return json as T;
    if (!isErrorBody(json)) throw new CliError(`The server answered HTTP ${response.status} without an explanation; is ${serverUrl} a Station Desk server?`, EXIT.failed);
    const { code, message } = json.error;
    if (code === 'UNAUTHENTICATED' || code === 'TOKEN_INVALID') {
      throw new CliError(`The server refused the admin token (${code}). Use the token from the server's data folder (admin-token) or set ADMIN_TOKEN.`, EXIT.auth);
    }
    if (code === 'FORBIDDEN') throw new CliError(`The server refused: ${message}`, EXIT.auth);
    const details = (json.error as { details?: unknown }).details;
    throw new CliError(`The server refused (${code}): ${message}${details ? `\n${JSON.stringify(details, null, 2)}` : ''}`, EXIT.failed);
  },
});
