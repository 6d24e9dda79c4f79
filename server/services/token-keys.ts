/**
 * The keys that sign desk access tokens and member tokens, one keyring per purpose
 * (docs/security.md "Tokens and credentials").
 *
 * Threats closed:
 * - a database dump or read access handing out signing keys: keys are stored wrapped
 *   (crypto/key-wrap.ts, AES-256-GCM under PASS_KEY_SECRET or `<dataDir>/pass-key-secret`, the
 *   secret the pass keys use), never plain; a plain key left by an older server is wrapped on
 *   start, deleted from `server_secrets`, and rotated out once the tokens it signed have expired;
 * - a rotation logging every desk and member out: the newest key signs, older keys keep verifying
 *   until every token they signed has expired (their retire time is set to now + the longest
 *   token lifetime + the reload interval + clock skew); `retireOld` (a suspected leak) ends them
 *   now instead, and a genuine token of a retired key is answered as expired (`retired` lookup),
 *   so a desk refreshes it with its refresh token instead of taking its credential for dead;
 * - several server processes: each reloads its keyring every RELOAD_MS and whenever a token names
 *   a key it does not know, so a key made by another process verifies here at once (a genuine
 *   token is never refused for a stale cache). Requests naming unknown keys share one reload in
 *   flight, so forged key ids cost at most one small query at a time, never one each in parallel.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database';
import { ApiError } from '../errors';
import { createKeyWrapper, type KeyWrapper } from '../crypto/key-wrap';
import { LEGACY_KID, TOKEN_CLOCK_SKEW_MS, tokenKeyId, type KeyLookup, type SigningKey } from '../crypto/signed-token';
import { takePlainSecret, wrappingSecret } from '../repositories/secrets';
import { deleteRetiredTokenKeys, insertTokenKey, lockTokenKeys, retireTokenKeysExcept, tokenKeys, type TokenKeyRow } from '../repositories/token-keys';

export const RELOAD_MS = 60_000;
const KID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Retired keys are forgotten this long after they stop verifying. */
const FORGET_AFTER_MS = 24 * 60 * 60_000;

export interface TokenKeyringOptions {
  /** 'access' (desk tokens) or 'member'; also the wrapped key's associated data. */
  purpose: string;
  /** The longest lifetime of a token this keyring signs (ms). */
  maxLifetimeMs: number;
  /** The plain `server_secrets` row older servers kept this key in (wrapped and removed on start). */
  legacySecretName: string;
  /** PASS_KEY_SECRET or the data folder's file; absent: the database-held wrapping secret. */
  wrapSecret?: string | undefined;
  now: () => number;
}

export interface KeyRotation {
  purpose: string;
  kid: string;
  /** Keys whose retire time this rotation set (they verify until then). */
  retiring: string[];
  retireAt: number;
}

export interface KeyLookups {
  /** Keys that verify now. */
  live: KeyLookup;
  /** Keys retired already (not yet forgotten): a token they signed is told apart as expired. */
  retired: KeyLookup;
}

/** What a token verifier answers (crypto/tokens.ts, crypto/member-tokens.ts). */
export type Verdict = { ok: true } | { ok: false; reason: 'invalid' | 'expired' };

export interface TokenKeyring {
  /** The key new tokens are signed with (loads, and creates or migrates, on first use). */
  signingKey(): Promise<SigningKey>;
  /** Lookups for verifying `token` (token prefix given), reloaded first if the token names a key not yet known here. */
  lookupFor(prefix: string, token: string): Promise<KeyLookups>;
  /**
   * `check` with the live keys; a genuine token of a retired key is answered expired, so a desk
   * refreshes (its refresh token is not signed) and a member signs in again.
   */
  verify<R extends Verdict>(prefix: string, token: string, check: (keys: KeyLookup) => R): Promise<R | { ok: false; reason: 'expired' }>;
  rotate(options?: { retireOld?: boolean }): Promise<KeyRotation>;
}

interface Loaded {
  at: number;
  signing: SigningKey;
  keys: Map<string, { secret: Buffer; retireMs: number | null }>;
}

const newKid = (): string => `T${Array.from(randomBytes(10), (b) => KID_ALPHABET[b & 31]).join('')}`;

export const createTokenKeyring = (db: Database, options: TokenKeyringOptions): TokenKeyring => {
  const { purpose, now } = options;
  const graceMs = options.maxLifetimeMs + RELOAD_MS + TOKEN_CLOCK_SKEW_MS;
  const aad = (kid: string) => `${purpose}:${kid}`;
  let wrapper: Promise<KeyWrapper> | null = null;
  const getWrapper = () =>
    (wrapper ??= wrappingSecret(db, options.wrapSecret)
      .then((secret) => createKeyWrapper(secret, 'token-keys'))
      .catch((error: unknown) => {
        wrapper = null;
        throw error;
      }));

  const fresh = async (wrap: KeyWrapper, at: number): Promise<TokenKeyRow> => {
    const kid = newKid();
    return { kid, wrapped: wrap.wrap(aad(kid), randomBytes(32)), createdMs: at, retireMs: null };
  };

  /** Under the purpose's lock: wraps a plain legacy key, makes a key if none signs; returns the keys. */
  const ensure = async (): Promise<TokenKeyRow[]> => {
    const wrap = await getWrapper();
    return db.transaction(async (tx) => {
      await lockTokenKeys(tx, purpose);
      const at = now();
      const plain = await takePlainSecret(tx, options.legacySecretName);
      if (plain) {
        await tx.query('DELETE FROM token_keys WHERE purpose = $1 AND kid = $2', [purpose, LEGACY_KID]);
        await insertTokenKey(tx, purpose, { kid: LEGACY_KID, wrapped: wrap.wrap(aad(LEGACY_KID), plain), createdMs: at - 1, retireMs: at + graceMs });
      }
      let keys = await tokenKeys(tx, purpose);
      if (!keys.some((k) => k.retireMs === null)) {
        await insertTokenKey(tx, purpose, await fresh(wrap, at));
        keys = await tokenKeys(tx, purpose);
      }
      return keys;
    });
  };

  const load = async (): Promise<Loaded> => {
    const wrap = await getWrapper();
    const at = now();
    let rows = await tokenKeys(db, purpose);
    if (!rows.some((k) => k.retireMs === null)) rows = await ensure();
    const unwrap = (r: TokenKeyRow) => {
      try {
        return wrap.unwrap(aad(r.kid), r.wrapped);
      } catch {
        throw new ApiError(503, 'UNAVAILABLE', `The ${purpose} token key ${r.kid} cannot be unlocked with this server's PASS_KEY_SECRET; every server process on a database needs the same one`);
      }
    };
    const keys = new Map(rows.map((r) => [r.kid, { secret: unwrap(r), retireMs: r.retireMs }]));
    const newest = rows.find((r) => r.retireMs === null)!;
    return { at, signing: { kid: newest.kid, secret: keys.get(newest.kid)!.secret }, keys };
  };

  let loaded: Promise<Loaded> | null = null;
  let reloading: Promise<Loaded> | null = null;
  let plainChecked = false;
  /** One load at a time: concurrent callers share it. */
  const reload = (): Promise<Loaded> => {
    if (!reloading) {
      const run = load();
      reloading = run;
      loaded = run;
      run.then(
        () => void (reloading = null),
        () => void ((reloading = null), (loaded = null)),
      );
    }
    return reloading;
  };
  const current = async (): Promise<Loaded> => {
    if (!plainChecked) {
      // a plain key from an older server is wrapped on this process's first use, even if keys exist
      await ensure();
      plainChecked = true;
    }
    const cached = loaded && (await loaded.catch(() => null));
    return cached && now() - cached.at < RELOAD_MS ? cached : reload();
  };

  const lookupsOf = (state: Loaded): KeyLookups => {
    const at = now();
    const live = (key: { retireMs: number | null } | undefined) => key !== undefined && (key.retireMs === null || key.retireMs > at);
    return {
      live: (kid) => {
        const key = state.keys.get(kid);
        return key && live(key) ? key.secret : null;
      },
      retired: (kid) => {
        const key = state.keys.get(kid);
        return key && !live(key) ? key.secret : null;
      },
    };
  };

  const lookupFor = async (prefix: string, token: string): Promise<KeyLookups> => {
    let state = await current();
    const kid = tokenKeyId(prefix, token);
    if (kid !== null && !state.keys.has(kid)) state = await reload();
    return lookupsOf(state);
  };

  return {
    async signingKey() {
      return (await current()).signing;
    },
    lookupFor,
    async verify(prefix, token, check) {
      const lookups = await lookupFor(prefix, token);
      const result = check(lookups.live);
      if (result.ok) return result;
      const old = check(lookups.retired);
      return old.ok || old.reason === 'expired' ? { ok: false, reason: 'expired' } : result;
    },
    async rotate({ retireOld = false } = {}) {
      const wrap = await getWrapper();
      const rotation = await db.transaction(async (tx) => {
        await lockTokenKeys(tx, purpose);
        const at = now();
        const key = await fresh(wrap, at);
        await insertTokenKey(tx, purpose, key);
        const retireAt = retireOld ? at : at + graceMs;
        const retiring = await retireTokenKeysExcept(tx, purpose, key.kid, retireAt);
        await deleteRetiredTokenKeys(tx, purpose, at - FORGET_AFTER_MS);
        return { purpose, kid: key.kid, retiring, retireAt };
      });
      loaded = null;
      return rotation;
    },
  };
};
