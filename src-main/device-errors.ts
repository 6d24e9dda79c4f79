/**
 * Clear, bilingual messages for everything that can go wrong talking to the central server
 * about this desk's enrollment. The server explains refusals as `{ error: { code, message } }`
 * (shared/protocol/errors.ts); the codes below get a sentence staff can act on.
 */
import type { ErrorCode } from '../shared/protocol/errors';
import { isRetryableCode, REFRESH_REFUSED_CODES } from '../shared/protocol/errors';
import { replaceControlChars, truncateText } from '../shared/text';
import { PublicError } from './public-error';

const KNOWN: Partial<Record<ErrorCode, [zh: string, en: string]>> = {
  ENROLLMENT_CODE_INVALID: ['登记码无效，请向站长核对。', 'The enrollment code is not valid; check it with the station manager.'],
  ENROLLMENT_CODE_EXPIRED: ['登记码已过期，请让站长重新生成。', 'The enrollment code has expired; ask the station manager for a new one.'],
  DEVICE_REVOKED: ['此前台设备已被撤销，请重新登记。', 'This desk has been revoked; enroll it again.'],
  REFRESH_TOKEN_REUSED: [
    '设备凭据被重复使用，服务器已为安全撤销此设备，请重新登记。',
    'The desk credential was used twice, so the server revoked this desk for safety; enroll it again.',
  ],
  TOKEN_INVALID: ['服务器不再接受此设备凭据，请重新登记。', 'The server no longer accepts this desk credential; enroll it again.'],
  TOKEN_EXPIRED: ['设备凭据已过期，请重新登记。', 'The desk credential has expired; enroll it again.'],
  UNAUTHENTICATED: ['服务器不认识此设备，请重新登记。', 'The server does not recognise this desk; enroll it again.'],
  CLIENT_TOO_OLD: ['此前台程序版本过旧，请升级后再试。', 'This desk app is too old for the server; update it and try again.'],
  SERVER_TOO_OLD: ['服务器版本比前台程序旧，请联系管理员。', 'The server is older than this desk app; contact the administrator.'],
  RATE_LIMITED: ['尝试次数过多，请稍后再试。', 'Too many attempts; wait a minute and try again.'],
  UNAVAILABLE: ['服务器暂时不可用，请稍后再试。', 'The server is temporarily unavailable; try again later.'],
  FORBIDDEN: ['服务器拒绝了此操作。', 'The server does not allow this.'],
};

/**
 * Server answers to a refresh after which the stored credential is useless: it is forgotten
 * (ERROR_TABLE: every code with a credential verdict, since main presents the credential itself).
 */
export const CREDENTIAL_DEAD_CODES: readonly string[] = REFRESH_REFUSED_CODES;

/** Keeps a server-provided message short and on one line before it is shown to staff. */
const clean = (text: string): string => truncateText(replaceControlChars(text).trim(), 200);

export const serverRefused = (code: ErrorCode, serverMessage: string): PublicError => {
  const known = KNOWN[code];
  if (known) return new PublicError(code, ...known);
  const detail = clean(serverMessage);
  if (isRetryableCode(code)) return new PublicError(code, `服务器暂时出错（${code}），请稍后再试。`, `The server had a passing problem${detail ? `: ${detail}` : ''}; try again later.`);
  return new PublicError(code, `服务器拒绝了请求（${code}）。`, `The server refused the request${detail ? `: ${detail}` : '.'}`);
};

export const httpFailure = (status: number): PublicError =>
  new PublicError('SERVER_ERROR', `服务器返回了错误（HTTP ${status}）。`, `The server answered with an error (HTTP ${status}).`);

export const badResponse = (what: string): PublicError =>
  new PublicError('BAD_RESPONSE', '服务器的回复无法识别，请确认地址是否正确。', `The server's answer was not understood (${what}); check the server address.`);

export const unreachable = (origin: string): PublicError =>
  new PublicError('NETWORK', `无法连接服务器 ${origin}，请检查网络和地址。`, `Cannot reach the server at ${origin}; check the network and the address.`);

export const timedOut = (origin: string): PublicError =>
  new PublicError('TIMEOUT', `连接服务器 ${origin} 超时，请稍后再试。`, `The server at ${origin} did not answer in time; try again later.`);

export const notEnrolled = (): PublicError =>
  new PublicError('NOT_ENROLLED', '此前台未登记（或刚被解除登记）。', 'This desk is not enrolled (or was just un-enrolled).');

export const alreadyEnrolled = (): PublicError =>
  new PublicError('ALREADY_ENROLLED', '此前台已经登记；如需更换，请先解除登记。', 'This desk is already enrolled; forget the enrollment first to enroll again.');
