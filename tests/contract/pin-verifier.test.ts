// The server makes staff PIN verifiers with Node's crypto (server/services/demo/pin-verifier.ts); the desk
// checks them with Web Crypto (src-renderer/session/pin-verify.ts). Both sides must agree,
// or no one could sign in at a desk.
import { describe, expect, it } from 'vitest';
import { checkPin, makePinVerifier as makeOnServer } from '../../server/services/demo/pin-verifier';
import { makePinVerifier as makeOnDesk, verifyPin } from '../../src-renderer/session/pin-verify';

describe('PIN verifiers: server and desk agree', () => {
  it('the desk accepts the right PIN of a server-made verifier, and only that', async () => {
    const verifier = await makeOnServer('1234');
    expect(await verifyPin('1234', verifier)).toBe(true);
    expect(await verifyPin('1243', verifier)).toBe(false);
  });

  it('the server accepts a desk-made verifier (the offline demo staff)', async () => {
    const verifier = await makeOnDesk('9999', 1000);
    expect(await checkPin('9999', verifier)).toBe(true);
    expect(await checkPin('9998', verifier)).toBe(false);
  });
});
