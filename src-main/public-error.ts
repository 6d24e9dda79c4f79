/**
 * Errors that are safe to show staff: a stable code plus a message in Chinese and English.
 * Anything else that escapes a handler is logged in main and replaced by a generic message,
 * so stack traces, file paths and tokens never reach the renderer.
 */
import { IpcValidationError } from '../shared/ipc/validate';

export class PublicError extends Error {
  constructor(
    readonly code: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} ${en}`);
    this.name = 'PublicError';
  }
}

export interface PublicErrorInfo {
  code: string;
  message: string;
}

export const INTERNAL_ERROR: PublicErrorInfo = {
  code: 'INTERNAL',
  message: '桌面程序内部出错，请重试或联系管理员。 Something went wrong inside the desk app; try again or call your administrator.',
};

/** What the renderer may learn about `error`. */
export const toPublicError = (error: unknown): PublicErrorInfo => {
  if (error instanceof PublicError) return { code: error.code, message: error.message };
  if (error instanceof IpcValidationError) return { code: error.code, message: error.message };
  return INTERNAL_ERROR;
};
