/**
 * The Ed25519 keys that sign member passes. Public halves are `trust` documents (global scope),
 * so they replicate to every desk, which verifies offline; private halves are in
 * `server_secrets` as `pass-key:<kid>`, wrapped (key-wrap.ts), and never leave this module: no
 * API returns them and no document carries them.
 *
 * Lifetimes: a key signs for at most KEY_SIGNING_DAYS and stays valid for verification
 * MAX_PASS_DAYS longer, so no pass outlives its key. Rotation makes a new key the signing key;
 * old keys keep verifying until their end, so passes already issued keep working. `retireOld`
 * (a suspected leak) ends the old keys now: desks then refuse every pass they signed that is
 * still meant to be valid.
 */
import { createPrivateKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { GLOBAL_STATION_ID, type TrustDoc } from '../../../shared/schemas/index';
import type { Database } from '../../db/database';
import { ApiError } from '../../errors';
import { wrappingSecret } from '../../repositories/secrets';
import { loadAll, writeServerDocs } from '../../repositories/sync-store';
import { createKeyWrapper, type KeyWrapper } from '../../crypto/key-wrap';

export const DAY_MS = 86_400_000;
export const MAX_PASS_DAYS = 366;
export const KEY_SIGNING_DAYS = 365;
const KEY_LIFETIME_MS = (KEY_SIGNING_DAYS + MAX_PASS_DAYS) * DAY_MS;
const SECRET_PREFIX = 'pass-key:';
const KID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export interface PassKeyInfo {
  kid: string;
  /** Raw Ed25519 public key, base64url. */
  publicKey: string;
  validFrom: string;
  validUntil: string;
}

export interface KeyChange {
  key: PassKeyInfo;
  /** Key ids whose lifetime was ended now. */
  retired: string[];
}

export interface PassKeys {
  /** Every key desks know (newest first). */
  list(): Promise<PassKeyInfo[]>;
  /** The newest key that can still sign a pass valid until `until`; made (and published) if none. */
  signingKey(now: number, until: number): Promise<KeyChange>;
  rotate(now: number, options?: { retireOld?: boolean }): Promise<KeyChange>;
  /** Makes the first key if there is none (the demo seed: passes work out of the box). */
  ensure(now: number): Promise<KeyChange | null>;
  sign(kid: string, data: Uint8Array): Promise<Uint8Array>;
}

const keyInfo = (doc: TrustDoc): PassKeyInfo => ({ kid: doc.kid, publicKey: doc.publicKey, validFrom: doc.validFrom, validUntil: doc.validUntil });

const newKid = (): string => `K${Array.from(randomBytes(7), (b) => KID_ALPHABET[b & 31]).join('')}`;

const keyDoc = (info: PassKeyInfo, now: number): TrustDoc => ({
  id: `key-${info.kid}`,
  stationId: GLOBAL_STATION_ID,
  serverRev: 0,
  updatedAt: new Date(now).toISOString(),
  kind: 'key',
  kid: info.kid,
  publicKey: info.publicKey,
  passId: '',
  memberId: '',
  validFrom: info.validFrom,
  validUntil: info.validUntil,
});

export const createPassKeys = (db: Database, options: { secret?: string } = {}): PassKeys => {
  let wrapper: Promise<KeyWrapper> | null = null;
  const getWrapper = () =>
    (wrapper ??= wrappingSecret(db, options.secret).then((secret) => createKeyWrapper(secret)));
  const privateKeys = new Map<string, KeyObject>();
  // One key creation at a time in this process (two processes racing make two valid keys: harmless).
  let creating: Promise<unknown> = Promise.resolve();

  /** Newest first: by activation, then by write order (two keys made in one millisecond). */
  const keyDocs = async (): Promise<TrustDoc[]> =>
    (await loadAll(db, GLOBAL_STATION_ID, 'trust'))
      .map((d) => ({ ...(d.data as unknown as TrustDoc), serverRev: d.seq }))
      .filter((d) => d.kind === 'key')
      .sort((a, b) => b.validFrom.localeCompare(a.validFrom) || b.serverRev - a.serverRev);

  const create = async (now: number, retireOld: boolean): Promise<KeyChange> => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const kid = newKid();
    const info: PassKeyInfo = {
      kid,
      publicKey: String(publicKey.export({ format: 'jwk' }).x),
      validFrom: new Date(now).toISOString(),
      validUntil: new Date(now + KEY_LIFETIME_MS).toISOString(),
    };
    // The private half first: a published key that cannot sign would be picked and fail.
    const wrapped = (await getWrapper()).wrap(kid, privateKey.export({ format: 'der', type: 'pkcs8' }));
    await db.query('INSERT INTO server_secrets (name, value) VALUES ($1, $2)', [SECRET_PREFIX + kid, wrapped]);
    privateKeys.set(kid, privateKey);
    const retiring = retireOld ? (await keyDocs()).filter((d) => Date.parse(d.validUntil) > now) : [];
    const ended = retiring.map((d) => ({ ...d, validUntil: new Date(now).toISOString(), updatedAt: new Date(now).toISOString() }));
    await writeServerDocs(db, GLOBAL_STATION_ID, 'trust', [...ended, keyDoc(info, now)], { writtenBy: 'pass-keys', now });
    return { key: info, retired: retiring.map((d) => d.kid) };
  };

  const serialized = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = creating.then(fn, fn);
    creating = run.catch(() => undefined);
    return run;
  };

  const usable = (doc: TrustDoc, now: number, until: number) =>
    Date.parse(doc.validFrom) <= now && now - Date.parse(doc.validFrom) < KEY_SIGNING_DAYS * DAY_MS && Date.parse(doc.validUntil) >= until;

  return {
    list: async () => (await keyDocs()).map(keyInfo),
    signingKey: (now, until) =>
      serialized(async () => {
        const found = (await keyDocs()).find((d) => usable(d, now, until));
        return found ? { key: keyInfo(found), retired: [] } : create(now, false);
      }),
    rotate: (now, { retireOld = false } = {}) => serialized(() => create(now, retireOld)),
    ensure: (now) => serialized(async () => ((await keyDocs()).some((d) => Date.parse(d.validUntil) > now) ? null : create(now, false))),
    async sign(kid, data) {
      let key = privateKeys.get(kid);
      if (!key) {
        const { rows } = await db.query<{ value: string }>('SELECT value FROM server_secrets WHERE name = $1', [SECRET_PREFIX + kid]);
        if (!rows[0]) throw new ApiError(503, 'UNAVAILABLE', `The private half of pass key ${kid} is not on this server; run "admin rotate-keys"`);
        let der: Buffer;
        try {
          der = (await getWrapper()).unwrap(kid, rows[0].value);
        } catch {
          throw new ApiError(503, 'UNAVAILABLE', `Pass key ${kid} cannot be unlocked with this server's PASS_KEY_SECRET; restore the secret or run "admin rotate-keys" (issued passes keep working)`);
        }
        key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
        privateKeys.set(kid, key);
      }
      return new Uint8Array(sign(null, data, key));
    },
  };
};
