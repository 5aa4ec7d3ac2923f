import { useMemo, useSyncExternalStore } from 'react';
import { DEFAULT_AT_RISK_MARGIN, getMeta, updateMeta, type MeetingMeta, type MeetingMetaPatch } from '@suishin/shared';
import { useMeetingConnection } from '../MeetingScope';

const readMeta = (doc: Parameters<typeof getMeta>[0]): MeetingMeta | null => {
  try {
    return getMeta(doc);
  } catch {
    return null; // not initialised yet (nothing loaded)
  }
};

/** The meeting's meta (title, status, schedule…), or null until the document is loaded. */
export function useMeta(): MeetingMeta | null {
  const store = useMeetingConnection().view('meta', ['meta'], readMeta);
  return useSyncExternalStore(store.subscribe, store.get);
}

/** The KPI status rule's margin for this meeting (see shared's kpiStatus). */
export function useKpiAtRiskMargin(): number {
  return useMeta()?.kpiAtRiskMargin ?? DEFAULT_AT_RISK_MARGIN;
}

/** Edits the meeting's descriptive meta fields (validated by shared; throws a field-named error). */
export function useMetaCommands(): { update(patch: MeetingMetaPatch): void } {
  const { doc } = useMeetingConnection();
  return useMemo(() => ({ update: (patch) => updateMeta(doc, patch) }), [doc]);
}
