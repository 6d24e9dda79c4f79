/** Venues and bookable devices of this station (written by the server; the desk only reads them). */
import type { RxCollection } from 'rxdb';
import type { VenueDoc } from '../../../shared/schemas/index';
import { findJson, findOneJson, subscribeQuery, type Listener, type Unsubscribe } from './base';

export interface VenueRepository {
  /** Every venue, active or not, by id. */
  list(): Promise<VenueDoc[]>;
  subscribe(listener: Listener<VenueDoc[]>): Unsubscribe;
  get(id: string): Promise<VenueDoc | null>;
}

export const venueRepository = (venues: RxCollection<VenueDoc>): VenueRepository => ({
  list: () => findJson(venues, { selector: {} }),
  subscribe: (listener) => subscribeQuery(venues, { selector: {} }, listener),
  get: (id) => findOneJson(venues, id),
});
