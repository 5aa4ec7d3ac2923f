import type * as Y from 'yjs';
import { issueRecord } from '../schema/issueRecords';
import { RootKey } from '../schema/keys';
import type { Escalation, IssueStatus, ParentDecision } from '../schema/records';
import { defineCollection } from './collection';
import { NotFoundError, ValidationError } from './modelError';
import { requireReference } from './references';

/** The 課題 register of one meeting (schema/issueRecords.ts declares the record). */
export const issues = defineCollection({
  kind: '課題',
  rootKey: RootKey.issues,
  schema: issueRecord,
  stamp: (now) => ({ createdAt: now }),
  checkReferences(doc, values) {
    const ids = values.countermeasureIds as string[] | undefined;
    ids?.forEach((id, i) => requireReference(doc, RootKey.actionItems, id, `countermeasureIds.${i}`));
  },
});

export const listIssues = issues.list;
export const getIssue = issues.get;
export const addIssue = issues.add;
export const updateIssue = issues.update;
export const removeIssue = issues.remove;
export const moveIssue = issues.move;

export const isOpenIssueStatus = (status: IssueStatus) => status !== 'closed';

function requireIssue(doc: Y.Doc, id: string) {
  const issue = getIssue(doc, id);
  if (!issue) throw new NotFoundError('課題', id);
  return issue;
}

/** Links an action item of this meeting as a countermeasure; the 課題 moves on to 対策 when it was earlier. */
export function linkCountermeasure(doc: Y.Doc, issueId: string, actionItemId: string): void {
  const issue = requireIssue(doc, issueId);
  if (issue.countermeasureIds.includes(actionItemId)) return;
  const early = issue.status === 'open' || issue.status === 'analysing';
  updateIssue(doc, issueId, {
    countermeasureIds: [...issue.countermeasureIds, actionItemId],
    ...(early ? { status: 'countermeasure' as const } : {}),
  });
}

export interface EscalationRequest {
  trigger: Escalation['trigger'];
  ask: string;
  tried: string;
  now: number;
}

/** Marks a 課題 for escalation to the parent body; a closed one cannot go up. */
export function escalateIssue(doc: Y.Doc, issueId: string, { trigger, ask, tried, now }: EscalationRequest): void {
  const issue = requireIssue(doc, issueId);
  if (issue.status === 'closed') throw new ValidationError('a closed 課題 is not escalated', 'status');
  if (issue.escalation) return; // once: the parent already has it (or decided on it)
  updateIssue(doc, issueId, { escalation: { trigger, ask: ask.trim(), tried: tried.trim(), escalatedAt: now, parentDecision: null } });
}

/** Withdraws an escalation the parent has not decided on yet. */
export function withdrawEscalation(doc: Y.Doc, issueId: string): void {
  const issue = requireIssue(doc, issueId);
  if (issue.escalation?.parentDecision) throw new ValidationError('the parent body already decided on this 課題', 'escalation');
  updateIssue(doc, issueId, { escalation: null });
}

/** Writes the parent body's decision back onto an escalated 課題; its status follows the decision's. */
export function recordParentDecision(doc: Y.Doc, issueId: string, decision: ParentDecision): void {
  const issue = requireIssue(doc, issueId);
  if (!issue.escalation) throw new ValidationError('this 課題 was not escalated', 'escalation');
  updateIssue(doc, issueId, {
    escalation: { ...issue.escalation, parentDecision: decision },
    ...(decision.status ? { status: decision.status } : {}),
  });
}
