-- Station Desk central schema, version 1. Runs unchanged on PostgreSQL 15 and PGlite (PG 18).
-- Every synced row is keyed (station_id, collection, id): distributable by station_id (Citus),
-- and the per-station clock row lives in the same shard.

CREATE TABLE stations (
  id          text PRIMARY KEY,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- One sequence per station, incremented under the station's row lock inside the push
-- transaction: writes of one station are serialized, so their seq values commit in order.
CREATE TABLE station_clock (
  station_id  text PRIMARY KEY REFERENCES stations (id),
  seq         bigint NOT NULL DEFAULT 0
);

CREATE TABLE sync_docs (
  station_id    text        NOT NULL,
  collection    text        NOT NULL,
  id            text        NOT NULL,
  seq           bigint      NOT NULL,
  deleted       boolean     NOT NULL DEFAULT false,
  data          jsonb       NOT NULL,
  written_by    text        NOT NULL DEFAULT '',
  written_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (station_id, collection, id)
);
CREATE INDEX sync_docs_pull ON sync_docs (station_id, collection, seq);
CREATE INDEX sync_docs_by_id ON sync_docs (collection, id);
CREATE INDEX sync_docs_booking_slot ON sync_docs (station_id, (data ->> 'slotKey')) WHERE collection = 'bookings';
CREATE INDEX sync_docs_booking_member ON sync_docs (station_id, (data ->> 'memberId')) WHERE collection = 'bookings';
CREATE INDEX sync_docs_member_card ON sync_docs (station_id, (data ->> 'cardNo')) WHERE collection = 'members';

CREATE TABLE devices (
  id            text PRIMARY KEY,
  station_id    text NOT NULL REFERENCES stations (id),
  name          text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz,
  revoked_at    timestamptz,
  revoked_why   text
);
CREATE INDEX devices_station ON devices (station_id);

-- Rotating refresh tokens, stored as SHA-256 hashes. A token is `current` until used once;
-- presenting a used one again means it was copied: the device is revoked. `replaced_by` links a
-- used token to the one issued in exchange (the grace rule for a lost refresh response re-issues
-- while that successor is unused); `invalidated_at` marks a successor dropped by that rule.
CREATE TABLE refresh_tokens (
  token_hash      text PRIMARY KEY,
  device_id       text NOT NULL REFERENCES devices (id),
  issued_at       timestamptz NOT NULL DEFAULT now(),
  used_at         timestamptz,
  replaced_by     text,
  invalidated_at  timestamptz
);
CREATE INDEX refresh_tokens_device ON refresh_tokens (device_id);

CREATE TABLE enrollment_codes (
  code_hash   text PRIMARY KEY,
  station_id  text NOT NULL REFERENCES stations (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  device_id   text
);

CREATE TABLE server_secrets (
  name        text PRIMARY KEY,
  value       text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor       text NOT NULL,
  action      text NOT NULL,
  station_id  text,
  details     jsonb NOT NULL DEFAULT '{}'::jsonb
);
