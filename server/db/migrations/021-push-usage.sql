-- What pushes stored per desk and station day (docs/security.md "Quotas"): bytes of documents
-- and photos, counted under the station lock in the push transaction, so every server process
-- sees the same totals and two pushes never both take the last of an allowance.
CREATE TABLE push_usage (
  station_id  text    NOT NULL,
  device_id   text    NOT NULL,
  day         date    NOT NULL,
  bytes       bigint  NOT NULL DEFAULT 0,
  photos      integer NOT NULL DEFAULT 0,
  PRIMARY KEY (station_id, day, device_id)
);
