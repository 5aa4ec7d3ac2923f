import type { ActionItem, Kpi } from '../schema/records';
import type { IssueInput as Input, IssueInput } from '../schema/issueValidators';

/**
 * One-click 課題: the input for a 課題 raised from an off-track KPI or an overdue / blocked action
 * item, with the numbers and the history attached as its source.
 */
export interface KpiHistoryPoint {
  heldOn: string | null;
  actual: number | null;
}

export function issueFromKpi(kpi: Kpi, history: readonly KpiHistoryPoint[], meetingId: string | null): Input {
  const unit = kpi.unit ? ` ${kpi.unit}` : '';
  return {
    title: kpi.name,
    description: `${kpi.name}: ${kpi.actual ?? '—'}${unit} / ${kpi.target ?? '—'}${unit}`,
    severity: 'medium',
    owner: { name: kpi.owner, department: '' },
    raisedInMeetingId: meetingId,
    source: {
      kind: 'kpi', kpiId: kpi.id, name: kpi.name, unit: kpi.unit,
      target: kpi.target, actual: kpi.actual, previous: kpi.previous, history: history.slice(-52).map((p) => ({ ...p })),
    },
  };
}

export function issueFromActionItem(item: ActionItem, reason: 'overdue' | 'blocked', meetingId: string | null): Input {
  return {
    title: item.title,
    description: '',
    owner: { ...item.owner },
    raisedInMeetingId: meetingId,
    source: { kind: 'actionItem', actionItemId: item.id, title: item.title, owner: item.owner.name, dueDate: item.dueDate, reason },
  };
}

/** Input type re-exported for callers that build one by hand. */
export type { IssueInput };
