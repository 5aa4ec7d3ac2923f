/**
 * The storage seam of series (source data: name, departments, language, usual agenda and
 * attendees, and the 会議体 fields: purpose, decision function and rights, cadence, members, parent
 * body, review date). SQLite: persistence/sqlite/sqliteSeriesStore.ts; the contract every adapter
 * keeps is testing/contracts/seriesStoreContract.ts. Whether a parent makes a cycle is the
 * caller's rule (series/meetingBodies.ts); a store keeps what it is given.
 */
import { defaultBodyFields, type MeetingBodyFields, type Series } from '@suishin/shared';

/** A new series; body fields left out take their defaults (a plain series). */
export type SeriesInput = Omit<Series, 'id' | 'createdAt' | keyof MeetingBodyFields> & Partial<MeetingBodyFields>;

export interface SeriesStore {
  create(input: SeriesInput): Promise<Series>;
  get(id: string): Promise<Series | null>;
  /** Oldest first. */
  list(): Promise<Series[]>;
  /** Null for an unknown id. */
  update(id: string, patch: Partial<Omit<Series, 'id' | 'createdAt'>>): Promise<Series | null>;
}

/** What a create stores: the input over the body defaults (every adapter the same). */
export const withBodyDefaults = (input: SeriesInput): Omit<Series, 'id' | 'createdAt'> => ({ ...defaultBodyFields(), ...input });
