/**
 * The storage seam of series (source data: name, departments, language, usual agenda and
 * attendees). SQLite: persistence/sqlite/sqliteSeriesStore.ts; the contract every adapter keeps is
 * testing/contracts/seriesStoreContract.ts.
 */
import type { Series } from '@suishin/shared';

export type SeriesInput = Omit<Series, 'id' | 'createdAt'>;

export interface SeriesStore {
  create(input: SeriesInput): Promise<Series>;
  get(id: string): Promise<Series | null>;
  /** Oldest first. */
  list(): Promise<Series[]>;
  /** Null for an unknown id. */
  update(id: string, patch: Partial<SeriesInput>): Promise<Series | null>;
}
