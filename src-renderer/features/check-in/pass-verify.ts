/**
 * Member passes at the desk, offline: parse the scanned text, find the trust documents that can
 * judge it (its key, revocations of it or of its member), check the Ed25519 signature with Web
 * Crypto, and hand the check-in rule a PassScan. Nothing here needs the network.
 *
 * Threats: a forged or altered pass (signature over the exact scanned bytes; the member id of a
 * pass that does not verify is not believed, so a forgery never shows a real member's name), a
 * lost or withdrawn pass (revocations), a pass from a retired key, and a desk cut off too long
 * (its trust age goes with the scan, and the rule warns TRUST_DATA_STALE). A pass cut short by
 * the scanner is `unreadable` — rescan — not a forgery, and is not recorded as one.
 */
import { truncateText } from '../../../shared/text';
import type { PassScan, PassStatus } from '../../../shared/domain/check-in';
import { decodeBase64url, findPassKey, normalizeScanText, parsePass, passStatus } from '../../../shared/passes/index';
import type { Repositories } from '../../data/index';

/** Checks one Ed25519 signature; `publicKey` is the raw key, base64url, as trust documents carry it. */
export interface SignatureVerifier {
  verify(publicKey: string, signature: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>): Promise<boolean>;
}

const ED25519 = { name: 'Ed25519' } as const;
const KEY_CACHE_LIMIT = 32;

/** Web Crypto Ed25519 (Chromium 137+, Node 20), with imported keys cached by their text. */
export const webCryptoVerifier = (subtle: SubtleCrypto | undefined = globalThis.crypto?.subtle): SignatureVerifier => {
  const keys = new Map<string, Promise<CryptoKey | null>>();
  let warned = false;
  const importKey = (publicKey: string): Promise<CryptoKey | null> => {
    let key = keys.get(publicKey);
    if (!key) {
      const raw = decodeBase64url(publicKey);
      key = !subtle || !raw || raw.length !== 32 ? Promise.resolve(null) : subtle.importKey('raw', raw, ED25519, false, ['verify']).catch(() => null);
      if (keys.size >= KEY_CACHE_LIMIT) keys.delete(keys.keys().next().value!);
      keys.set(publicKey, key);
    }
    return key;
  };
  return {
    async verify(publicKey, signature, data) {
      if (!subtle && !warned) {
        warned = true;
        console.error('Station Desk: Web Crypto is unavailable (page not served over HTTPS or localhost): member passes cannot be verified');
      }
      const key = await importKey(publicKey);
      if (!key || !subtle) return false;
      return subtle.verify(ED25519, key, signature, data).catch(() => false);
    },
  };
};

let defaultVerifier: SignatureVerifier | null = null;
const sharedVerifier = () => (defaultVerifier ??= webCryptoVerifier());

/** A scan that did not read as a whole pass: ask for a rescan; nothing is recorded. */
export interface UnreadablePass {
  kind: 'unreadable';
  reason: 'truncated' | 'not-a-pass';
}

/** Statuses for which the signature verified, so the payload's member id can be believed. */
const VERIFIED: ReadonlySet<PassStatus> = new Set(['valid', 'expired', 'revoked', 'not-yet-valid']);

export const resolvePassScan = async (
  repos: Pick<Repositories, 'trust' | 'members'>,
  text: string,
  now: number,
  verifier: SignatureVerifier = sharedVerifier(),
): Promise<PassScan | UnreadablePass> => {
  const parsed = parsePass(text);
  if (!parsed.ok) {
    if (parsed.reason !== 'malformed') return { kind: 'unreadable', reason: parsed.reason };
    // Whole but broken (wrong shape, altered bytes): judged like a bad signature, and recorded.
    const badge = truncateText(normalizeScanText(text), 60);
    return { kind: 'pass', badge, status: 'bad-signature', memberId: '', member: null, trustUpdatedAt: await repos.trust.updatedAt() };
  }
  const { payload } = parsed;
  const [trust, trustUpdatedAt] = await Promise.all([repos.trust.forPass({ kid: payload.k, passId: payload.p, memberId: payload.m }), repos.trust.updatedAt()]);
  const key = findPassKey(payload.k, trust);
  const verified = key ? await verifier.verify(key.publicKey, parsed.signature, parsed.signedBytes) : false;
  const status = passStatus(parsed, trust, now, verified);
  const believed = VERIFIED.has(status);
  return {
    kind: 'pass',
    badge: payload.p,
    status,
    memberId: believed ? payload.m : '',
    member: believed ? await repos.members.get(payload.m) : null,
    trustUpdatedAt,
  };
};
