import { useMemo, useSyncExternalStore } from 'react';
import {
  addKpi,
  addKpiCountermeasure,
  listKpis,
  moveKpi,
  removeKpi,
  updateKpi,
  upsertKpis,
  type ActionItemInput,
  type Kpi,
  type KpiInput,
  type KpiPasteInput,
  type KpiPatch,
} from '@suishin/shared';
import { useMeetingConnection } from '../MeetingScope';
import { shareUnchanged } from '../structuralSharing';

export type { Kpi, KpiInput, KpiPatch, KpiPasteInput } from '@suishin/shared';

/**
 * The meeting's KPIs in order. Re-read only when the KPI section changes; unchanged KPIs keep
 * their identity, so memoized rows re-render only for the KPI someone edited.
 */
export function useKpis(): readonly Kpi[] {
  const store = useMeetingConnection().view('kpis', ['kpis'], readKpis());
  return useSyncExternalStore(store.subscribe, store.get);
}

function readKpis(): (doc: Parameters<typeof listKpis>[0]) => readonly Kpi[] {
  let previous: readonly Kpi[] | undefined;
  return (doc) => (previous = shareUnchanged(previous, listKpis(doc)));
}

export interface KpiCommands {
  /** Throws shared's ValidationError on bad input (nothing changes). */
  add(input: KpiInput): string;
  update(id: string, patch: KpiPatch): void;
  remove(id: string): void;
  move(id: string, toIndex: number): void;
  /** Pasted rows, all or nothing in one transaction: same name updates, others are added. Throws KpiBatchError. */
  applyPaste(rows: readonly KpiPasteInput[]): { added: string[]; updated: string[] };
  /** A countermeasure action item linked to the KPI and recorded on it, in one transaction. */
  addCountermeasure(kpiId: string, input: Omit<ActionItemInput, 'link'>): string;
}

export function useKpiCommands(): KpiCommands {
  const { doc } = useMeetingConnection();
  return useMemo(
    () => ({
      add: (input) => addKpi(doc, input),
      update: (id, patch) => updateKpi(doc, id, patch),
      remove: (id) => removeKpi(doc, id),
      move: (id, toIndex) => moveKpi(doc, id, toIndex),
      applyPaste: (rows) => upsertKpis(doc, rows),
      addCountermeasure: (kpiId, input) => addKpiCountermeasure(doc, kpiId, input),
    }),
    [doc],
  );
}
