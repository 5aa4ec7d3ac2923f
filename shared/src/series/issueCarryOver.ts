/**
 * Carry-over of 課題 between the meetings of a body, by the rule action items follow
 * (carryOver.ts): every copy of one 課題 points at the same root through `carriedFrom`; an open
 * chain carries its newest copy into the next meeting once (idempotent by root); a chain is closed
 * as soon as any copy is closed, wherever in the history that copy is.
 */
import type * as Y from 'yjs';
import { addIssue, issues } from '../model/issues';
import type { Issue } from '../schema/records';
import type { MeetingView } from '../view/meetingView';
import { listIssueOrigins, setIssueOrigin, type IssueOrigin, type IssueRef } from './carriedFields';

const refKey = (ref: IssueRef) => `${ref.meetingId}/${ref.issueId}`;

export interface IssueMeetingSnapshot {
  view: MeetingView;
  issueOrigins: ReadonlyMap<string, IssueOrigin>;
}

export interface IssueChain {
  root: IssueRef;
  copies: Array<{ meetingId: string; issue: Issue }>;
  latest: { meetingId: string; issue: Issue };
  closed: boolean;
}

/** Every 課題 of `history` (oldest meeting first) grouped by root. */
export function issueChains(history: readonly IssueMeetingSnapshot[]): IssueChain[] {
  const chains = new Map<string, IssueChain>();
  for (const { view, issueOrigins } of history) {
    for (const issue of view.issues ?? []) {
      const root = issueOrigins.get(issue.id)?.root ?? { meetingId: view.id, issueId: issue.id };
      const copy = { meetingId: view.id, issue };
      const chain = chains.get(refKey(root));
      if (chain) {
        chain.copies.push(copy);
        chain.latest = copy;
      } else chains.set(refKey(root), { root, copies: [copy], latest: copy, closed: false });
    }
  }
  for (const chain of chains.values()) chain.closed = chain.copies.some((c) => c.issue.status === 'closed');
  return [...chains.values()];
}

export interface IssueCarry {
  origin: IssueOrigin;
  issue: Issue;
}

/** The 課題 to carry into the next meeting: the newest copy of every open chain. */
export function planIssueCarryOver(history: readonly IssueMeetingSnapshot[]): IssueCarry[] {
  return issueChains(history)
    .filter((c) => !c.closed)
    .map((c) => ({ origin: { root: c.root, via: { meetingId: c.latest.meetingId, issueId: c.latest.issue.id } }, issue: c.latest.issue }));
}

/** Adds the carried 課題, skipping every chain already present (running it twice adds nothing). */
export function carryIssuesInto(doc: Y.Doc, carry: readonly IssueCarry[], now: number): string[] {
  const present = new Set([...listIssueOrigins(doc).values()].map((o) => refKey(o.root)));
  const added: string[] = [];
  doc.transact(() => {
    for (const { origin, issue } of carry) {
      if (present.has(refKey(origin.root))) continue;
      present.add(refKey(origin.root));
      // Countermeasure action items belong to the earlier meeting; the carried action items keep them.
      const id = addIssue(
        doc,
        {
          title: issue.title, description: issue.description, rootCause: issue.rootCause, severity: issue.severity,
          owner: issue.owner, status: issue.status, raisedInMeetingId: issue.raisedInMeetingId ?? origin.root.meetingId,
          dueDate: issue.dueDate, source: issue.source, escalation: issue.escalation,
        },
        { now },
      );
      setIssueOrigin(doc, id, origin);
      added.push(id);
    }
  });
  return added;
}

/**
 * Closing across the history: the copies to close in `doc` because their chain was closed in some
 * meeting of `history`. Returns the ids it closed.
 */
export function closeIssuesClosedElsewhere(doc: Y.Doc, meetingId: string, history: readonly IssueMeetingSnapshot[]): string[] {
  const closedRoots = new Set(issueChains(history).filter((c) => c.closed).map((c) => refKey(c.root)));
  const origins = listIssueOrigins(doc);
  const closed: string[] = [];
  doc.transact(() => {
    issues.list(doc).forEach((issue) => {
      const root = origins.get(issue.id)?.root ?? { meetingId, issueId: issue.id };
      if (issue.status !== 'closed' && closedRoots.has(refKey(root))) {
        issues.update(doc, issue.id, { status: 'closed' });
        closed.push(issue.id);
      }
    });
  });
  return closed;
}

/** Read port for reports and the register: open 課題 of a body with their age, and escalations. */
export interface IssueRegisterEntry {
  root: IssueRef;
  issue: Issue;
  meetingId: string;
  /** Days since the root was created (ms clock of `now`). */
  ageDays: number;
}

export function issueRegister(history: readonly IssueMeetingSnapshot[], now: number) {
  const chains = issueChains(history);
  const entry = (c: IssueChain): IssueRegisterEntry => ({
    root: c.root, issue: c.latest.issue, meetingId: c.latest.meetingId,
    ageDays: Math.max(0, Math.floor((now - c.copies[0]!.issue.createdAt) / 86_400_000)),
  });
  return {
    open: chains.filter((c) => !c.closed).map(entry),
    escalated: chains.filter((c) => c.latest.issue.escalation !== null).map(entry),
  };
}
