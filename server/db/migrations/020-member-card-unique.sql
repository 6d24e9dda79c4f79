-- Card numbers are unique per station among live members that are not review tickets
-- (docs/domain-rules.md, "Members"): pushes check a claim under the station lock (CARD_TAKEN) and
-- this index makes a second holder impossible whatever writes it.
--
-- Stations that already have two such members with one card keep one of them (the roster's
-- before a walk-in, then the lowest id); the others become review tickets (source 'provisional'),
-- with new sequence numbers from the station clock so that desks pull the change, and staff
-- review them like any ticket (the roster knows the card: matched).
WITH ranked AS (
  SELECT station_id, id,
         row_number() OVER (PARTITION BY station_id, data ->> 'cardNo' ORDER BY (data ->> 'source') = 'server' DESC, id) AS place
  FROM sync_docs
  WHERE collection = 'members' AND NOT deleted AND data ->> 'source' IN ('server', 'walk-in')
), demoted AS (
  SELECT station_id, id, row_number() OVER (PARTITION BY station_id ORDER BY id) AS k
  FROM ranked WHERE place > 1
), per_station AS (
  SELECT station_id, count(*) AS n FROM demoted GROUP BY station_id
), clock AS (
  UPDATE station_clock c SET seq = c.seq + per_station.n
  FROM per_station WHERE c.station_id = per_station.station_id
  RETURNING c.station_id, c.seq - per_station.n AS base
)
UPDATE sync_docs d
SET seq = clock.base + demoted.k,
    data = jsonb_set(jsonb_set(d.data, '{source}', '"provisional"'), '{serverRev}', to_jsonb(clock.base + demoted.k)),
    written_by = 'migration:020',
    written_at = now()
FROM demoted JOIN clock ON clock.station_id = demoted.station_id
WHERE d.collection = 'members' AND d.station_id = demoted.station_id AND d.id = demoted.id;

CREATE UNIQUE INDEX sync_docs_member_card_holder ON sync_docs (station_id, (data ->> 'cardNo'))
  WHERE collection = 'members' AND NOT deleted AND data ->> 'source' IN ('server', 'walk-in');
