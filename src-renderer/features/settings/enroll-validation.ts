/**
 * Checks the enrollment form before anything is sent, with the same rules main applies to
 * `device:enroll` (shared/ipc/validate.ts), and says what is wrong as an i18n key per field.
 */
import type { EnrollArgs } from '../../../shared/ipc/channels';
import { DESK_NAME_MAX, ENROLLMENT_CODE_PATTERN, normalizeEnrollmentCode, parseServerUrl } from '../../../shared/ipc/validate';
import { hasControlChars } from '../../../shared/text';

export interface EnrollInput {
  serverUrl: string;
  code: string;
  deskName: string;
}

export interface FieldProblem {
  key: string;
  values?: Record<string, unknown>;
}

export const checkServerUrl = (value: string): FieldProblem | null =>
  'problem' in parseServerUrl(value ?? '') ? { key: 'settings.enroll.invalidServerUrl' } : null;

export const checkCode = (value: string): FieldProblem | null =>
  ENROLLMENT_CODE_PATTERN.test(normalizeEnrollmentCode(value ?? '')) ? null : { key: 'settings.enroll.invalidCode' };

export const checkDeskName = (value: string): FieldProblem | null => {
  const name = (value ?? '').trim();
  if (name === '') return { key: 'settings.enroll.emptyDeskName' };
  if ([...name].length > DESK_NAME_MAX) return { key: 'settings.enroll.longDeskName', values: { max: DESK_NAME_MAX } };
  if (hasControlChars(name)) return { key: 'settings.enroll.badDeskName' };
  return null;
};

/** Normalised arguments for `bridge.enrollDevice`, or null when a field is invalid. */
export const toEnrollArgs = (input: EnrollInput): EnrollArgs | null => {
  const url = parseServerUrl(input.serverUrl ?? '');
  if ('problem' in url || checkCode(input.code) || checkDeskName(input.deskName)) return null;
  return { serverUrl: url.url, code: normalizeEnrollmentCode(input.code), deskName: input.deskName.trim() };
};
