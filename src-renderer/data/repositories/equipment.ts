/**
 * Equipment inventory and its append-only event log on this desk. Status is never stored: it is
 * folded from the log with the shared rule, so every desk (and the server) derives the same one.
 * Log events are only inserted, never patched (a second insert of the same id fails), and writes
 * resolve after IndexedDB committed them (strict durability, see storage.ts): a fault report the
 * UI calls saved survives a crash and waits in the queue until the network is back.
 */
import type { RxCollection } from 'rxdb';
import { venueFaultStates, type VenueFaultState, type VenueRef } from '../../../shared/domain/index';
import type { EquipmentDoc, EquipmentLogDoc } from '../../../shared/schemas/index';
import { findJson, findOneJson, stampNew, subscribeQuery, type Listener, type NewDoc, type Unsubscribe } from './base';

export interface EquipmentRepository {
  /** Every item of the station, by asset tag. */
  list(): Promise<EquipmentDoc[]>;
  subscribe(listener: Listener<EquipmentDoc[]>): Unsubscribe;
  get(id: string): Promise<EquipmentDoc | null>;
  /** The item whose label carries this asset tag (exact, then upper-case as labels print it). */
  findByTag(assetTag: string): Promise<EquipmentDoc | null>;
  /** Inventory edits (desks may add items; fields merge on sync). */
  save(doc: NewDoc<EquipmentDoc>): Promise<EquipmentDoc>;
  /** Appends one event to an item's log. Never updates: the same id twice is refused. */
  appendLog(doc: NewDoc<EquipmentLogDoc>): Promise<EquipmentLogDoc>;
  /** One item's events, in storage order (fold them with the shared rules, which sort). */
  logsOf(equipmentId: string): Promise<EquipmentLogDoc[]>;
  subscribeLogsOf(equipmentId: string, listener: Listener<EquipmentLogDoc[]>): Unsubscribe;
  /** Every event of the station: what the inventory's statuses are folded from. */
  allLogs(): Promise<EquipmentLogDoc[]>;
  subscribeAllLogs(listener: Listener<EquipmentLogDoc[]>): Unsubscribe;
  /**
   * Fault state of every venue that has equipment in it (absent = 'ok'), live: what booking
   * screens use to refuse (blocked) or flag (flagged) a booking. Pass the venues so a bookable
   * device's kind counts.
   */
  venueFaults(venues?: readonly VenueRef[]): Promise<Map<string, VenueFaultState>>;
  subscribeVenueFaults(listener: Listener<Map<string, VenueFaultState>>, venues?: readonly VenueRef[]): Unsubscribe;
}

const ALL = { selector: {} };

export const equipmentRepository = (
  equipment: RxCollection<EquipmentDoc>,
  logs: RxCollection<EquipmentLogDoc>,
): EquipmentRepository => {
  const list = () => findJson(equipment, { selector: {}, sort: [{ assetTag: 'asc' }] });
  const allLogs = () => findJson(logs, ALL);
  return {
    list,
    subscribe: (listener) => subscribeQuery(equipment, { selector: {}, sort: [{ assetTag: 'asc' }] }, listener),
    get: (id) => findOneJson(equipment, id),
    async findByTag(assetTag) {
      const tag = assetTag.trim();
      if (!tag) return null;
      const [exact] = await findJson(equipment, { selector: { assetTag: tag }, limit: 1 });
      if (exact || tag === tag.toUpperCase()) return exact ?? null;
      const [upper] = await findJson(equipment, { selector: { assetTag: tag.toUpperCase() }, limit: 1 });
      return upper ?? null;
    },
    async save(doc) {
      const stamped = stampNew<EquipmentDoc>({ ...doc, updatedAt: new Date().toISOString() });
      await equipment.incrementalUpsert(stamped);
      return stamped;
    },
    async appendLog(doc) {
      const inserted = await logs.insert(stampNew<EquipmentLogDoc>(doc));
      return inserted.toJSON() as EquipmentLogDoc;
    },
    logsOf: (equipmentId) => findJson(logs, { selector: { equipmentId } }),
    subscribeLogsOf: (equipmentId, listener) => subscribeQuery(logs, { selector: { equipmentId } }, listener),
    allLogs,
    subscribeAllLogs: (listener) => subscribeQuery(logs, ALL, listener),
    async venueFaults(venues = []) {
      return venueFaultStates(await list(), await allLogs(), venues);
    },
    subscribeVenueFaults(listener, venues = []) {
      let items: EquipmentDoc[] | null = null;
      let events: EquipmentLogDoc[] | null = null;
      const emit = () => {
        if (items && events) listener(venueFaultStates(items, events, venues));
      };
      const stopItems = subscribeQuery(equipment, ALL, (docs) => {
        items = docs;
        emit();
      });
      const stopLogs = subscribeQuery(logs, ALL, (docs) => {
        events = docs;
        emit();
      });
      return () => {
        stopItems();
        stopLogs();
      };
    },
  };
};
