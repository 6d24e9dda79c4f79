-- Member passes issued by this server (docs/security.md). The pass itself is the signed text the member
-- carries; this register lets an administrator revoke a pass by its id (the revocation then
-- replicates to every desk as a `trust` document) and see who holds which pass.
-- Private signing keys are NOT here: they live in server_secrets, encrypted.

CREATE TABLE member_passes (
  id           text PRIMARY KEY,
  member_id    text        NOT NULL,
  station_id   text        NOT NULL,
  kid          text        NOT NULL,
  category     text        NOT NULL,
  issued_at    timestamptz NOT NULL,
  valid_until  timestamptz NOT NULL,
  revoked_at   timestamptz,
  issued_by    text        NOT NULL
);
CREATE INDEX member_passes_member ON member_passes (member_id);
