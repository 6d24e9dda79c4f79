/**
 * Staff PIN verifiers (the `PinVerifier` schema): PBKDF2-SHA256, 16-byte random salt, 100 000
 * iterations, 32-byte hash, base64. A 4-digit PIN is weak on its own; the verifier only has to
 * stop casual reading of the staff list on a desk, and the iteration count slows an offline
 * guesser down to seconds per station rather than microseconds.
 */
import { pbkdf2, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import type { PinVerifier } from '../../../shared/schemas/index';

const derive = promisify(pbkdf2);
export const PIN_ITERATIONS = 100_000;

export const makePinVerifier = async (pin: string, iterations = PIN_ITERATIONS): Promise<PinVerifier> => {
  const salt = randomBytes(16);
  const hash = await derive(pin, salt, iterations, 32, 'sha256');
  return { salt: salt.toString('base64'), hash: hash.toString('base64'), iterations };
};

export const checkPin = async (pin: string, verifier: PinVerifier): Promise<boolean> => {
  const hash = await derive(pin, Buffer.from(verifier.salt, 'base64'), verifier.iterations, 32, 'sha256');
  return hash.toString('base64') === verifier.hash;
};
