import type { ActionItem, Kpi } from '../schema/records';

/**
 * The action item that counts as a KPI's countermeasure (対策), or null: its
 * `countermeasureActionId` when that action exists and is not dropped, else any action item
 * linked to the KPI that is not dropped. The same rule as the closing checklist's
 * `kpi-countermeasure` check, so the room and the checklist never disagree.
 */
export function countermeasureOf(
  kpi: Pick<Kpi, 'id' | 'countermeasureActionId'>,
  actionItems: ReadonlyMap<string, ActionItem> | readonly ActionItem[],
): ActionItem | null {
  const byId = actionItems instanceof Map ? actionItems : new Map((actionItems as readonly ActionItem[]).map((a) => [a.id, a]));
  const own = kpi.countermeasureActionId ? byId.get(kpi.countermeasureActionId) : undefined;
  if (own && own.status !== 'dropped') return own;
  for (const action of byId.values()) {
    if (action.status !== 'dropped' && action.link?.kind === 'kpi' && action.link.id === kpi.id) return action;
  }
  return null;
}

/** `countermeasureOf` for every KPI at once, in one pass over the action items. */
export function countermeasuresByKpi(
  kpis: readonly Pick<Kpi, 'id' | 'countermeasureActionId'>[],
  actionItems: readonly ActionItem[],
): Map<string, ActionItem> {
  const byId = new Map<string, ActionItem>();
  const linked = new Map<string, ActionItem>();
  for (const action of actionItems) {
    byId.set(action.id, action);
    if (action.status !== 'dropped' && action.link?.kind === 'kpi' && !linked.has(action.link.id)) linked.set(action.link.id, action);
  }
  const result = new Map<string, ActionItem>();
  for (const kpi of kpis) {
    const own = kpi.countermeasureActionId ? byId.get(kpi.countermeasureActionId) : undefined;
    const found = own && own.status !== 'dropped' ? own : linked.get(kpi.id);
    if (found) result.set(kpi.id, found);
  }
  return result;
}
