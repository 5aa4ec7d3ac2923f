/** A SeriesStore in memory, for tests and the series store's contract. */
import { randomUUID } from 'node:crypto';
import type { Series } from '@suishin/shared';
import { withBodyDefaults, type SeriesStore } from '../../series/seriesStore';

export function openMemorySeriesStore(all: Map<string, Series> = new Map(), now: () => number = Date.now): SeriesStore {
  const copy = (s: Series): Series => structuredClone(s);
  return {
    async create(input) {
      const series: Series = { ...structuredClone(withBodyDefaults(input)), id: randomUUID(), createdAt: now() };
      all.set(series.id, series);
      return copy(series);
    },
    async get(id) {
      const found = all.get(id);
      return found ? copy(found) : null;
    },
    async list() {
      return [...all.values()].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)).map(copy);
    },
    async update(id, patch) {
      const found = all.get(id);
      if (!found) return null;
      const next = { ...found, ...structuredClone(patch) };
      all.set(id, next);
      return copy(next);
    },
  };
}
