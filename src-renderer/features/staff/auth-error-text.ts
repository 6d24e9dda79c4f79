/** The sentence for a failed PIN attempt (sign-in or override pad). */
import type { TFunction } from 'i18next';
import type { AuthResult } from '../../session/staff-auth';

export const authErrorText = (t: TFunction, result: Extract<AuthResult, { ok: false }>): string => {
  if (result.error === 'LOCKED') return t('staff.error.LOCKED', { seconds: Math.ceil(result.retryInMs / 1000) });
  if (result.error === 'WRONG_PIN' && result.retryInMs > 0)
    return t('staff.error.LOCKED', { seconds: Math.ceil(result.retryInMs / 1000) });
  if (result.error === 'WRONG_PIN' && result.triesLeft <= 2) return t('staff.error.WRONG_PIN_LEFT', { count: result.triesLeft });
  return t(`staff.error.${result.error}`);
};
