/**
 * One local database per station (and one for a desk not enrolled yet). A desk that tried the
 * demo before enrolling, or moves to another station, must not mix that data into the new
 * station's records — nor lose the old station's unsynced writes: they stay in their own
 * database. RxDB names allow only [a-z0-9_$-], so the station id is folded to that and a short
 * hash of the exact id keeps ids that differ only in case apart.
 */
const fnv1a = (text: string): string => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
};

export const LOCAL_DATABASE = 'station-desk-local';

export const databaseNameFor = (stationId: string): string => {
  if (!stationId) return LOCAL_DATABASE;
  const folded = stationId.toLowerCase().replace(/[^a-z0-9-]/g, '_').slice(0, 40);
  return `station-desk-${folded}-${fnv1a(stationId)}`;
};
