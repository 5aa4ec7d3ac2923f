import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addIssue, getIssue, listIssues, updateIssue } from '../model/issues';
import { initMeeting } from '../model/meeting';
import { toMeetingView } from '../view/meetingView';
import { carryIssuesInto, closeIssuesClosedElsewhere, issueRegister, planIssueCarryOver, type IssueMeetingSnapshot } from './issueCarryOver';
import { listIssueOrigins } from './carriedFields';

const meeting = () => {
  const doc = new Y.Doc();
  initMeeting(doc, { title: '週次KPIレビュー' });
  return doc;
};
const snap = (doc: Y.Doc, id: string): IssueMeetingSnapshot => ({ view: toMeetingView(doc, id), issueOrigins: listIssueOrigins(doc) });

describe('課題 carry-over', () => {
  it('an open 課題 carries once per meeting, keeps its root, and is never duplicated', () => {
    const m1 = meeting();
    const open = addIssue(m1, { title: '受注率の低下', rootCause: ['提案が遅い'], owner: { name: '佐藤', department: '営業' }, status: 'analysing' }, { now: 0 });
    addIssue(m1, { title: '解決済み', status: 'closed' });
    const m2 = meeting();
    const plan = planIssueCarryOver([snap(m1, 'm1')]);
    expect(plan.map((p) => p.issue.title)).toEqual(['受注率の低下']);
    carryIssuesInto(m2, plan, 10);
    carryIssuesInto(m2, planIssueCarryOver([snap(m1, 'm1')]), 20); // a second run adds nothing
    expect(listIssues(m2)).toHaveLength(1);
    expect(listIssues(m2)[0]).toMatchObject({ title: '受注率の低下', status: 'analysing', rootCause: ['提案が遅い'], raisedInMeetingId: 'm1' });
    const m3 = meeting();
    carryIssuesInto(m3, planIssueCarryOver([snap(m1, 'm1'), snap(m2, 'm2')]), 30);
    expect(listIssues(m3)).toHaveLength(1);
    expect([...listIssueOrigins(m3).values()][0]).toEqual({ root: { meetingId: 'm1', issueId: open }, via: { meetingId: 'm2', issueId: listIssues(m2)[0]!.id } });
  });

  it('closing a copy in any meeting closes the chain everywhere in the history', () => {
    const m1 = meeting();
    const id = addIssue(m1, { title: '納期遅延' });
    const m2 = meeting();
    carryIssuesInto(m2, planIssueCarryOver([snap(m1, 'm1')]), 1);
    updateIssue(m2, listIssues(m2)[0]!.id, { status: 'closed' });
    const history = [snap(m1, 'm1'), snap(m2, 'm2')];
    expect(planIssueCarryOver(history)).toEqual([]);
    expect(closeIssuesClosedElsewhere(m1, 'm1', history)).toEqual([id]);
    expect(getIssue(m1, id)!.status).toBe('closed');
    expect(closeIssuesClosedElsewhere(m1, 'm1', history)).toEqual([]);
    expect(issueRegister(history, 0).open).toEqual([]);
  });

  it('the register lists open 課題 with their age and the escalated ones', () => {
    const m1 = meeting();
    addIssue(m1, { title: '古い課題', severity: 'high' }, { now: 0 });
    const up = addIssue(m1, { title: '上げる課題' }, { now: 86_400_000 });
    updateIssue(m1, up, { escalation: { trigger: 'hand', ask: '判断を', tried: '', escalatedAt: 1, parentDecision: null } });
    const register = issueRegister([snap(m1, 'm1')], 3 * 86_400_000);
    expect(register.open.map((e) => [e.issue.title, e.ageDays])).toEqual([['古い課題', 3], ['上げる課題', 2]]);
    expect(register.escalated.map((e) => e.issue.title)).toEqual(['上げる課題']);
  });
});
