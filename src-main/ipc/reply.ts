/**
 * What crosses IPC from a handler: a value or a public error, never a thrown Error (Electron
 * would prefix it with "Error invoking remote method…" and contextBridge drops its fields).
 * The preload unwraps it and throws `Error(errorText(error))` in the page.
 */
export interface IpcErrorInfo {
  code: string;
  message: string;
}

export type IpcReply<T> = { ok: true; value: T } | { ok: false; error: IpcErrorInfo };

/** "<message> [CODE]": readable by staff, and the code stays parseable for the UI. */
export const errorText = (error: IpcErrorInfo): string => `${error.message} [${error.code}]`;
