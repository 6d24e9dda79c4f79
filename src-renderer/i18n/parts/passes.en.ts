/** Member-pass texts in English, typed against the Chinese ones (a missing key fails typecheck). */
import type { passesZhCN } from './passes.zh-CN';
import type { Shape } from '../shape';

export const passesEn: Shape<typeof passesZhCN> = {
  passes: {
    trustAge: {
      never: 'Pass keys: not yet synced from the server',
      justNow: 'Pass keys updated just now',
      minutes: 'Pass keys updated {{count}} min ago',
      hours: 'Pass keys updated {{count}} h ago',
      days: 'Pass keys updated {{count}} days ago',
      fresh: 'The public keys and revocation list that verify member passes offline; updated whenever the desk syncs.',
      stale: 'Not updated for more than {{hours}} h: passes still verify offline, but a recently revoked pass may be missed. Sync soon.',
    },
  },
};
