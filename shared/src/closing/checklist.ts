import { countermeasuresByKpi } from '../kpi/countermeasure';
import type { ClosingNotes, ClosingOverrideRecord } from '../model/closingNotes';
import type { ActionItem } from '../schema/records';
import type { MeetingView } from '../view/meetingView';

/**
 * The closing checklist: what must hold before a meeting ends, so nothing decided quietly dies
 * (やりっぱなし防止). A pure function of the meeting's view and the overrides recorded in it.
 *
 * Rules (each failing subject is one gap, with a stable id `${kind}:${subjectId}`):
 * - action-owner / action-due-date: every action item still to do (status open or in progress)
 *   has an owner and a due date. Done and dropped items need neither.
 * - kpi-countermeasure: every off-track KPI has a countermeasure: its countermeasure action, or any
 *   action item linked to it, that exists and is not dropped (shared/src/kpi/countermeasure.ts, the
 *   rule the room's KPI panel shows too).
 * - decision-decider: every decision says who decided it.
 *
 * A gap is resolved by fixing it (it then disappears) or by an override with a reason, which the
 * minutes record. An override whose gap was fixed meanwhile is ignored.
 */
export const CLOSING_CHECK_KINDS = ['action-owner', 'action-due-date', 'kpi-countermeasure', 'decision-decider'] as const;
export type ClosingCheckKind = (typeof CLOSING_CHECK_KINDS)[number];

export interface ClosingGap {
  /** `${kind}:${subjectId}`: the key an override is stored under. */
  id: string;
  kind: ClosingCheckKind;
  /** The action item, KPI or decision the gap is about. */
  subjectId: string;
  /** Its title, name or text, for display. */
  subject: string;
  override: ClosingOverrideRecord | null;
}

export interface ClosingCheck {
  kind: ClosingCheckKind;
  /** How many subjects the rule applies to (e.g. action items still to do). */
  checked: number;
  gaps: ClosingGap[];
}

export interface ClosingChecklist {
  checks: ClosingCheck[];
  /** Every gap, in check order. */
  gaps: ClosingGap[];
  /** Gaps neither fixed nor overridden: the meeting cannot end while there are any. */
  open: ClosingGap[];
  overridden: ClosingGap[];
  ready: boolean;
}

export function closingGapId(kind: ClosingCheckKind, subjectId: string): string {
  return `${kind}:${subjectId}`;
}

/** Action items the owner and due-date rules apply to. */
function stillToDo(item: ActionItem): boolean {
  return item.status === 'open' || item.status === 'in_progress';
}

export function closingChecklist(view: MeetingView, overrides: readonly ClosingOverrideRecord[] = []): ClosingChecklist {
  const byGap = new Map(overrides.map((o) => [o.gapId, o]));
  const gap = (kind: ClosingCheckKind, subjectId: string, subject: string): ClosingGap => {
    const id = closingGapId(kind, subjectId);
    return { id, kind, subjectId, subject, override: byGap.get(id) ?? null };
  };

  const toDo = view.actionItems.filter(stillToDo);
  const ownerGaps = toDo.filter((a) => a.owner.name.trim() === '').map((a) => gap('action-owner', a.id, a.title));
  const dueGaps = toDo.filter((a) => !a.dueDate).map((a) => gap('action-due-date', a.id, a.title));

  const offTrack = view.kpis.filter((k) => k.status === 'off_track');
  const countermeasures = countermeasuresByKpi(offTrack, view.actionItems);
  const countermeasureGaps = offTrack.filter((kpi) => !countermeasures.has(kpi.id)).map((kpi) => gap('kpi-countermeasure', kpi.id, kpi.name));

  const deciderGaps = view.decisions.filter((d) => d.decidedBy.trim() === '').map((d) => gap('decision-decider', d.id, d.text));

  const checks: ClosingCheck[] = [
    { kind: 'action-owner', checked: toDo.length, gaps: ownerGaps },
    { kind: 'action-due-date', checked: toDo.length, gaps: dueGaps },
    { kind: 'kpi-countermeasure', checked: offTrack.length, gaps: countermeasureGaps },
    { kind: 'decision-decider', checked: view.decisions.length, gaps: deciderGaps },
  ];
  const gaps = checks.flatMap((c) => c.gaps);
  const open = gaps.filter((g) => g.override === null);
  return { checks, gaps, open, overridden: gaps.filter((g) => g.override !== null), ready: open.length === 0 };
}

/** The checklist of a meeting from its view and its closing notes. */
export function closingChecklistOf(view: MeetingView, notes: Pick<ClosingNotes, 'overrides'>): ClosingChecklist {
  return closingChecklist(view, notes.overrides);
}
