-- Signing keys of desk access tokens and member tokens (docs/security.md "Tokens and
-- credentials"). Each key is wrapped (AES-256-GCM under a secret that is not in the database),
-- never stored plain. The newest live key of a purpose signs; every key not yet retired verifies,
-- so a rotation signs nobody out. Times in ms since epoch (the servers' injected clock).
CREATE TABLE token_keys (
  purpose     text NOT NULL,
  kid         text NOT NULL,
  wrapped     text NOT NULL,
  created_ms  bigint NOT NULL,
  retire_ms   bigint,
  PRIMARY KEY (purpose, kid)
);
