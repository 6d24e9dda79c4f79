/**
 * `trust`: public keys that verify member passes, and pass revocations. Global documents
 * (`stationId` = GLOBAL_STATION_ID) issued by the central server and replicated to every desk.
 * Indexed by kid, passId and memberId: a scan looks up exactly the documents that can judge it
 * (revocations are union-wide and only grow until pruned).
 */
import { syncedProperties, syncedRequired, textField, timestampField, type CollectionSchema, type SyncedFields } from './common';

export interface TrustDoc extends SyncedFields {
  kind: 'key' | 'revocation';
  /** Key id (for 'key') or the revoked pass's key id (for 'revocation' by pass; '' by member). */
  kid: string;
  /** Raw Ed25519 public key, base64url (for 'key'); '' for revocations. */
  publicKey: string;
  /** For 'revocation': the revoked pass id, or '' to revoke by member. */
  passId: string;
  /**
   * For 'revocation' by member (passId ''): all passes of this member issued before `validFrom`
   * are revoked. For a revocation by pass: the pass's member (informative).
   */
  memberId: string;
  /** Key: when it became active. Revocation: when it was made. */
  validFrom: string;
  /** Key: the end of its lifetime (no pass it signs outlives it). Revocation: when it may be pruned. */
  validUntil: string;
}

export const trustSchema: CollectionSchema = {
  version: 0,
  title: 'trust',
  description: 'Member-pass public keys and revocations',
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...syncedProperties,
    kind: { type: 'string', enum: ['key', 'revocation'] },
    kid: textField(40),
    publicKey: { type: 'string', maxLength: 100, pattern: '^[A-Za-z0-9_-]*$' },
    passId: textField(40),
    memberId: textField(40),
    validFrom: timestampField,
    validUntil: timestampField,
  },
  required: [...syncedRequired, 'kind', 'kid', 'publicKey', 'passId', 'memberId', 'validFrom', 'validUntil'],
  indexes: ['kid', 'passId', 'memberId'],
  additionalProperties: false,
};
