import type { Escalation, Issue } from '../schema/records';

/**
 * Whether a 課題 goes up to the parent body, and why (issue 15):
 * - by hand: someone marked it (its escalation is set);
 * - overdue: still not closed after its due date;
 * - high without countermeasure: severity high and no countermeasure action item yet.
 * Pure: the server applies it when the parent's next meeting is made, the room shows it as a hint.
 */
export function escalationTrigger(
  issue: Pick<Issue, 'status' | 'severity' | 'dueDate' | 'countermeasureIds' | 'escalation'>,
  today: string,
): Escalation['trigger'] | null {
  if (issue.status === 'closed') return null;
  if (issue.escalation) return issue.escalation.trigger;
  if (issue.dueDate !== null && issue.dueDate < today) return 'overdue';
  if (issue.severity === 'high' && issue.countermeasureIds.length === 0) return 'high_without_countermeasure';
  return null;
}

/** Escalated and still waiting for the parent's decision. */
export function awaitsParentDecision(issue: Pick<Issue, 'status' | 'escalation'>): boolean {
  return issue.status !== 'closed' && issue.escalation !== null && issue.escalation.parentDecision === null;
}
