import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cloneDoc, syncDocs } from '../testing/syncDocs';
import { toMeetingView } from '../view/meetingView';
import { addActionItem } from './actionItems';
import { checkTransactionShape } from './documentShape';
import { escalationTrigger } from './issueEscalation';
import { issueFromActionItem, issueFromKpi } from './issueSources';
import {
  addIssue,
  escalateIssue,
  getIssue,
  issues,
  linkCountermeasure,
  listIssues,
  recordParentDecision,
  updateIssue,
  withdrawEscalation,
} from './issues';
import { addKpi, getKpi } from './kpis';
import { initMeeting } from './meeting';
import { NotFoundError, ValidationError } from './modelError';

function meeting(): Y.Doc {
  const doc = new Y.Doc();
  initMeeting(doc, { title: '週次KPIレビュー' });
  return doc;
}

const ask = { trigger: 'hand' as const, ask: '人員の追加を判断してほしい', tried: '残業で対応した', now: 1000 };

describe('課題 model', () => {
  it('adds a 課題 with its fields and defaults, read back through the declaration', () => {
    const doc = meeting();
    const id = addIssue(doc, { title: '  受注率の低下  ', rootCause: ['提案が遅い', '見積の承認に3日かかる'], owner: { name: '佐藤', department: '営業' } }, { now: 5 });
    expect(getIssue(doc, id)).toMatchObject({
      title: '受注率の低下', description: '', severity: 'medium', status: 'open', countermeasureIds: [],
      rootCause: ['提案が遅い', '見積の承認に3日かかる'], owner: { name: '佐藤', department: '営業' },
      source: { kind: 'manual' }, escalation: null, createdAt: 5, raisedInMeetingId: null, dueDate: null,
    });
    expect(toMeetingView(doc, 'm').issues.map((i) => i.id)).toEqual([id]);
  });

  it('refuses bad input with a clear error and changes nothing', () => {
    const doc = meeting();
    const id = addIssue(doc, { title: 'ok' });
    const before = Y.encodeStateAsUpdate(doc);
    const bad: Array<[() => unknown, RegExp]> = [
      [() => addIssue(doc, { title: '   ' }), /title: must not be empty/],
      [() => addIssue(doc, { title: 'x', severity: 'critical' as never }), /severity/],
      [() => addIssue(doc, { title: 'x', rootCause: Array(6).fill('なぜ') }), /rootCause/],
      [() => addIssue(doc, { title: 'x', rootCause: [''] }), /rootCause/],
      [() => addIssue(doc, { title: 'x', countermeasureIds: ['nope'] }), /countermeasureIds.0: no such action item/],
      [() => addIssue(doc, { title: 'x', source: { kind: 'kpi', kpiId: 'k' } as never }), /source/],
      [() => addIssue(doc, { title: 'x', dueDate: '2026-13-01' }), /dueDate/],
      [() => addIssue(doc, { title: 'x', extra: 1 } as never), /extra|Unrecognized/],
      [() => updateIssue(doc, id, { status: 'done' as never }), /status/],
      [() => updateIssue(doc, id, { createdAt: 1 } as never), /createdAt|Unrecognized/],
      [() => updateIssue(doc, 'missing', { title: 'y' }), /not found|missing/],
      [() => withdrawEscalation(doc, 'missing'), /missing/],
      [() => recordParentDecision(doc, id, { text: 'x', meetingId: 'p', decisionId: 'd', status: null, decidedAt: 1 }), /not escalated/],
    ];
    for (const [write, message] of bad) {
      expect(write).toThrow(message);
      try { write(); } catch (e) { expect(e instanceof ValidationError || e instanceof NotFoundError).toBe(true); }
    }
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('a countermeasure moves it on; escalation happens once and the parent decision sets its status', () => {
    const doc = meeting();
    const id = addIssue(doc, { title: '納期遅延', severity: 'high' });
    const action = addActionItem(doc, { title: '外注先を追加', owner: { name: '田中' }, dueDate: '2026-12-20' });
    linkCountermeasure(doc, id, action);
    linkCountermeasure(doc, id, action);
    expect(getIssue(doc, id)).toMatchObject({ status: 'countermeasure', countermeasureIds: [action] });
    escalateIssue(doc, id, ask);
    escalateIssue(doc, id, { ...ask, ask: '二度目', now: 2000 });
    expect(getIssue(doc, id)!.escalation).toEqual({ trigger: 'hand', ask: ask.ask, tried: ask.tried, escalatedAt: 1000, parentDecision: null });
    const decision = { text: '人員を2名追加する', meetingId: 'parent', decisionId: 'd1', status: 'monitoring' as const, decidedAt: 3000 };
    recordParentDecision(doc, id, decision);
    expect(getIssue(doc, id)).toMatchObject({ status: 'monitoring', escalation: { parentDecision: decision } });
    expect(() => withdrawEscalation(doc, id)).toThrow(/already decided/);
    updateIssue(doc, id, { status: 'closed' });
    const other = addIssue(doc, { title: 'closed one', status: 'closed' });
    expect(() => escalateIssue(doc, other, ask)).toThrow(/closed/);
  });

  it('raises one from an off-track KPI or an overdue action item with the numbers attached', () => {
    const doc = meeting();
    const kpiId = addKpi(doc, { name: '受注件数', unit: '件', target: 20, actual: 12, previous: 15, owner: '佐藤' });
    const history = [{ heldOn: '2026-11-23', actual: 15 }, { heldOn: '2026-11-30', actual: 12 }];
    const id = addIssue(doc, issueFromKpi(getKpi(doc, kpiId)!, history, 'm1'));
    expect(getIssue(doc, id)).toMatchObject({
      title: '受注件数', raisedInMeetingId: 'm1', owner: { name: '佐藤' },
      source: { kind: 'kpi', kpiId, target: 20, actual: 12, previous: 15, unit: '件', history },
    });
    const item = { id: 'a1', title: '見積テンプレート改訂', owner: { name: '鈴木', department: '営業' }, dueDate: '2026-11-30', status: 'open' as const, link: null, externalRefs: [], createdAt: 0, order: 'a' };
    const fromItem = addIssue(doc, issueFromActionItem(item, 'overdue', 'm1'));
    expect(getIssue(doc, fromItem)!.source).toEqual({ kind: 'actionItem', actionItemId: 'a1', title: '見積テンプレート改訂', owner: '鈴木', dueDate: '2026-11-30', reason: 'overdue' });
  });

  it('a layout check refuses a crafted 課題 record (bad status, unknown field, oversized root cause)', () => {
    const base = meeting();
    const id = addIssue(base, { title: 'ok' });
    const crafted = (edit: (record: Y.Map<unknown>, doc: Y.Doc) => void) => {
      const doc = cloneDoc(base);
      let problem: string | null = 'not run';
      doc.on('afterTransaction', (t: Y.Transaction) => { problem = checkTransactionShape(t); });
      doc.transact(() => edit(issues.record(doc, id)!, doc));
      return problem;
    };
    expect(crafted((r) => r.set('status', 'solved'))).toMatch(/課題.*status/);
    expect(crafted((r) => r.set('evil', 1))).toMatch(/evil/);
    expect(crafted((r) => r.set('rootCause', Array(6).fill('なぜ')))).toMatch(/rootCause/);
    expect(crafted((r) => r.set('escalation', { trigger: 'hand' }))).toMatch(/escalation/);
    expect(crafted((r) => r.set('title', '受注率'))).toBeNull();
  });
});

describe('two documents editing 課題 concurrently', () => {
  it('converge: edits of different fields both survive, a same-field edit has one winner everywhere', () => {
    const a = meeting();
    const id = addIssue(a, { title: '受注率の低下' });
    const b = cloneDoc(a);
    updateIssue(a, id, { rootCause: ['提案が遅い'] });
    updateIssue(b, id, { owner: { name: '佐藤', department: '営業' }, severity: 'high' });
    updateIssue(a, id, { status: 'analysing' });
    updateIssue(b, id, { status: 'countermeasure' });
    escalateIssue(b, id, ask);
    const added = addIssue(a, { title: '別の課題' });
    syncDocs(a, b);
    expect(toMeetingView(b, 'm')).toEqual(toMeetingView(a, 'm'));
    const merged = getIssue(a, id)!;
    expect(merged).toMatchObject({ rootCause: ['提案が遅い'], owner: { name: '佐藤' }, severity: 'high', escalation: { ask: ask.ask } });
    expect(['analysing', 'countermeasure']).toContain(merged.status);
    expect(listIssues(b).map((i) => i.id).sort()).toEqual([id, added].sort());
  });
});

describe('escalation rule', () => {
  const base = { status: 'open' as const, severity: 'medium' as const, dueDate: null, countermeasureIds: [], escalation: null };
  it('by hand, past its date, or high with no countermeasure; never when closed', () => {
    expect(escalationTrigger(base, '2026-12-07')).toBeNull();
    expect(escalationTrigger({ ...base, dueDate: '2026-12-06' }, '2026-12-07')).toBe('overdue');
    expect(escalationTrigger({ ...base, dueDate: '2026-12-07' }, '2026-12-07')).toBeNull();
    expect(escalationTrigger({ ...base, severity: 'high' }, '2026-12-07')).toBe('high_without_countermeasure');
    expect(escalationTrigger({ ...base, severity: 'high', countermeasureIds: ['a'] }, '2026-12-07')).toBeNull();
    const hand = { trigger: 'hand' as const, ask: '', tried: '', escalatedAt: 0, parentDecision: null };
    expect(escalationTrigger({ ...base, escalation: hand }, '2026-12-07')).toBe('hand');
    expect(escalationTrigger({ ...base, severity: 'high', dueDate: '2026-01-01', status: 'closed' }, '2026-12-07')).toBeNull();
  });
});
