/** Staff sign-in texts in English, typed against the Chinese ones (a missing key fails typecheck). */
import type { staffZhCN } from './staff.zh-CN';
import type { Shape } from '../shape';

export const staffEn: Shape<typeof staffZhCN> = {
  staff: {
    title: 'Staff sign-in',
    hint: 'Choose your name, type your PIN and press Enter.',
    demoHint: 'Demo station: 李前台 PIN 1234, 王站长 PIN 9999',
    pin: 'PIN',
    pinPlaceholder: '4–8 digits',
    signIn: 'Sign in',
    signOut: 'Sign out',
    onDuty: 'On duty: {{name}} ({{role}})',
    noStaff: 'Not signed in',
    checking: 'Checking…',
    role: { desk: 'desk', manager: 'manager' },
    required: 'Sign in first, then check members in.',
    noActiveStaff: 'This station has no staff who can sign in',
    clear: 'Clear',
    back: 'Back',
    error: {
      BAD_FORMAT: 'The PIN has 4–8 digits',
      WRONG_PIN: 'Wrong PIN',
      WRONG_PIN_LEFT: 'Wrong PIN; {{count}} more wrong and the pad locks for a while',
      LOCKED: 'Too many wrong PINs: try again in {{seconds}} s',
      INACTIVE: 'This staff account is disabled',
      NOT_A_MANAGER: 'That is a desk PIN: the station manager must type their own',
    },
  },
};
