-- Counters every server process shares (docs/security.md "Lockouts and rate limits"): member
-- sign-in guesses per card and per (card, client), and the per-route rate limits of the routes
-- where a secret can be guessed. One row per key and window; a row whose window has passed
-- starts again at 1. Times in ms since epoch.
CREATE TABLE shared_counters (
  key          text PRIMARY KEY,
  count        integer NOT NULL,
  window_start bigint NOT NULL,
  expires_at   bigint NOT NULL
);
CREATE INDEX shared_counters_expiry ON shared_counters (expires_at);
