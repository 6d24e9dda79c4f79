/** The web build's offline shell in English, typed against the Chinese texts (a missing key fails typecheck). */
import type { shellZhCN } from './shell.zh-CN';
import type { Shape } from '../shape';

export const shellEn: Shape<typeof shellZhCN> = {
  shell: {
    insecure:
      'This desk was opened at an insecure address ({{origin}}): here the browser lets it neither seal member data nor verify member passes, nor reopen without a network, so the desk did not start. Open it at an https:// address (your administrator configures the server’s certificate), or at http://localhost on the server itself.',
    unsupported: 'This browser cannot store the desk: reopened without a network, it will not work. Use a current Chrome or Edge.',
    failed: 'The desk could not be stored on this computer: reopened without a network, it may not work. Reload once the network is back.',
    updateReady: 'A new version of the desk has been downloaded.',
    updateApply: 'Reload to update',
    tooOld: 'The server has been upgraded and this desk is too old to sync; sync is paused (your data stays on this computer). Fetching the new version…',
  },
};
