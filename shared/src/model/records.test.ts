import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addActionItem,
  getActionItem,
  listActionItems,
  moveActionItem,
  removeActionItem,
  updateActionItem,
} from './actionItems';
import { addAgendaItem } from './agenda';
import { addAttendee, listAttendees, moveAttendee, removeAttendee, updateAttendee } from './attendees';
import {
  addDecision,
  getDecision,
  listDecisions,
  moveDecision,
  removeDecision,
  updateDecision,
} from './decisions';
import { addKpi, getKpi, listKpis, moveKpi, removeKpi, updateKpi } from './kpis';
import { getMeta, initMeeting, metaMap, updateMeta } from './meeting';
import { toMeetingView } from '../view/meetingView';
import { SCHEMA_VERSION } from '../schema/keys';
import { ModelError, NotFoundError, ValidationError } from './modelError';

function meeting(): Y.Doc {
  const doc = new Y.Doc();
  initMeeting(doc, { title: 'Sales × Product sync', departments: ['営業', '製品'], place: '会議室A' });
  return doc;
}

function expectRejected(doc: Y.Doc, fn: () => void, field?: string, type: typeof ModelError = ValidationError) {
  const before = Y.encodeStateAsUpdate(doc);
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(type);
  if (field !== undefined) expect((caught as ModelError).field).toBe(field);
  expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
}

describe('meeting meta', () => {
  it('starts as a draft with the given fields', () => {
    const doc = meeting();
    expect(getMeta(doc)).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      title: 'Sales × Product sync',
      departments: ['営業', '製品'],
      place: '会議室A',
      status: 'draft',
      currentAgendaItemId: null,
      timer: null,
      language: 'ja',
    });
  });

  it('updates descriptive fields and validates them', () => {
    const doc = meeting();
    updateMeta(doc, { title: '新タイトル', scheduledStart: '2026-12-01T10:00:00+09:00' });
    expect(getMeta(doc)).toMatchObject({ title: '新タイトル', scheduledStart: '2026-12-01T10:00:00+09:00' });
    expectRejected(doc, () => updateMeta(doc, { title: '' }), 'title');
    expectRejected(doc, () => updateMeta(doc, { scheduledStart: 'tomorrow' }), 'scheduledStart');
    expectRejected(doc, () => updateMeta(doc, { status: 'ended' } as never));
  });

  it('keeps a per-meeting KPI at-risk margin (default 10 %), validated, and the view derives statuses with it', () => {
    const doc = meeting();
    expect(getMeta(doc).kpiAtRiskMargin).toBe(0.1);
    const kpi = addKpi(doc, { name: '売上', target: 100, actual: 85, direction: 'higher_is_better' });
    const statusOf = () => toMeetingView(doc, 'm').kpis.find((k) => k.id === kpi)!.status;
    expect(statusOf()).toBe('off_track'); // 15 % short, margin 10 %
    updateMeta(doc, { kpiAtRiskMargin: 0.2 });
    expect(getMeta(doc).kpiAtRiskMargin).toBe(0.2);
    expect(statusOf()).toBe('at_risk');
    expectRejected(doc, () => updateMeta(doc, { kpiAtRiskMargin: 1.5 }), 'kpiAtRiskMargin');
    expectRejected(doc, () => updateMeta(doc, { kpiAtRiskMargin: -0.1 }), 'kpiAtRiskMargin');
    // A value a peer wrote around the model reads as the default, never as NaN or a negative margin.
    metaMap(doc).set('kpiAtRiskMargin', 'wide' as never);
    expect(getMeta(doc).kpiAtRiskMargin).toBe(0.1);
  });

  it('refuses to initialise a document twice, and refuses a meeting without a title', () => {
    const doc = meeting();
    expectRejected(doc, () => initMeeting(doc, { title: 'again' }), undefined, ModelError);
    const empty = new Y.Doc();
    expectRejected(empty, () => initMeeting(empty, { title: '' }), 'title');
  });
});

describe('attendees', () => {
  it('adds, updates, moves and removes', () => {
    const doc = meeting();
    const a = addAttendee(doc, { name: '佐藤', department: '営業' });
    const b = addAttendee(doc, { name: 'Tanaka', department: '製品', present: false });
    expect(listAttendees(doc)).toMatchObject([
      { id: a, name: '佐藤', department: '営業', present: true },
      { id: b, name: 'Tanaka', present: false },
    ]);
    updateAttendee(doc, b, { present: true });
    updateAttendee(doc, a, { present: false });
    expect(listAttendees(doc).find((x) => x.id === a)).toMatchObject({ department: '営業', present: false });
    updateAttendee(doc, a, { present: true });
    moveAttendee(doc, b, 0);
    expect(listAttendees(doc).map((x) => [x.id, x.present])).toEqual([
      [b, true],
      [a, true],
    ]);
    removeAttendee(doc, a);
    expect(listAttendees(doc)).toHaveLength(1);
    expectRejected(doc, () => addAttendee(doc, { name: '' }), 'name');
  });
});

describe('decisions', () => {
  it('records a decision with its agenda item, and supersedes an earlier one', () => {
    const doc = meeting();
    const item = addAgendaItem(doc, { title: '価格改定' });
    const first = addDecision(doc, { text: '4月から10%値上げ', decidedBy: '部長会', agendaItemId: item }, { now: 1000 });
    const second = addDecision(doc, {
      text: '値上げは5%に修正',
      rationale: '競合の動向',
      alternatives: '据え置き; 10%',
      supersedesId: first,
      reviewDate: '2027-01-15',
    });
    expect(getDecision(doc, first)).toMatchObject({ agendaItemId: item, createdAt: 1000, supersedesId: null });
    expect(getDecision(doc, second)).toMatchObject({ supersedesId: first, reviewDate: '2027-01-15' });
    updateDecision(doc, first, { rationale: '原価上昇' });
    expect(getDecision(doc, first)?.rationale).toBe('原価上昇');
    moveDecision(doc, second, 0);
    expect(listDecisions(doc).map((d) => d.id)).toEqual([second, first]);
    removeDecision(doc, second);
    expect(listDecisions(doc).map((d) => d.id)).toEqual([first]);
  });

  it('rejects dangling links and bad dates', () => {
    const doc = meeting();
    const d = addDecision(doc, { text: 'x' });
    expectRejected(doc, () => addDecision(doc, { text: '' }), 'text');
    expectRejected(doc, () => addDecision(doc, { text: 'y', agendaItemId: 'missing' }), 'agendaItemId');
    expectRejected(doc, () => addDecision(doc, { text: 'y', supersedesId: 'missing' }), 'supersedesId');
    expectRejected(doc, () => updateDecision(doc, d, { supersedesId: d }), 'supersedesId');
    expectRejected(doc, () => addDecision(doc, { text: 'y', reviewDate: '2027-13-45' }), 'reviewDate');
  });
});

describe('action items', () => {
  it('adds with owner, due date and link; updates status and tracker refs', () => {
    const doc = meeting();
    const decision = addDecision(doc, { text: '新プランを出す' });
    const id = addActionItem(doc, {
      title: '見積テンプレート作成',
      owner: { name: '鈴木', department: '営業' },
      dueDate: '2026-12-10',
      link: { kind: 'decision', id: decision },
    });
    expect(getActionItem(doc, id)).toMatchObject({
      owner: { name: '鈴木', department: '営業' },
      dueDate: '2026-12-10',
      status: 'open',
      link: { kind: 'decision', id: decision },
      externalRefs: [],
    });
    updateActionItem(doc, id, {
      status: 'in_progress',
      externalRefs: [{ tracker: 'jira', key: 'OPS-12', url: 'https://example.atlassian.net/browse/OPS-12' }],
    });
    expect(getActionItem(doc, id)).toMatchObject({ status: 'in_progress', externalRefs: [{ key: 'OPS-12' }] });
    const other = addActionItem(doc, { title: 'undated' });
    expect(getActionItem(doc, other)).toMatchObject({ dueDate: null, owner: { name: '', department: '' } });
    moveActionItem(doc, other, 0);
    expect(listActionItems(doc).map((a) => a.id)).toEqual([other, id]);
    removeActionItem(doc, other);
    expect(listActionItems(doc).map((a) => a.id)).toEqual([id]);
  });

  it('rejects bad statuses, dates, links and tracker urls', () => {
    const doc = meeting();
    const id = addActionItem(doc, { title: 'a' });
    expectRejected(doc, () => updateActionItem(doc, id, { status: 'closed' as never }), 'status');
    expectRejected(doc, () => updateActionItem(doc, id, { dueDate: '10/12/2026' }), 'dueDate');
    expectRejected(doc, () => updateActionItem(doc, id, { link: { kind: 'kpi', id: 'nope' } }), 'link.id');
    expectRejected(
      doc,
      () => updateActionItem(doc, id, { externalRefs: [{ tracker: 'github', key: '1', url: 'javascript:alert(1)' }] }),
      'externalRefs.0.url',
    );
    expectRejected(doc, () => updateActionItem(doc, 'nope', { title: 'x' }), 'id', NotFoundError);
  });
});

describe('KPIs', () => {
  it('adds, updates, links a countermeasure, moves and removes', () => {
    const doc = meeting();
    const k1 = addKpi(doc, { name: '受注件数', unit: '件', target: 120, actual: 98, previous: 110 });
    const k2 = addKpi(doc, { name: '解約率', unit: '%', target: 2, actual: 2.4, direction: 'lower_is_better' });
    expect(getKpi(doc, k1)).toMatchObject({ target: 120, actual: 98, previous: 110, direction: 'higher_is_better' });
    const action = addActionItem(doc, { title: '失注分析', link: { kind: 'kpi', id: k1 } });
    updateKpi(doc, k1, { countermeasureActionId: action, comment: '大型案件の遅延' });
    expect(getKpi(doc, k1)).toMatchObject({ countermeasureActionId: action, comment: '大型案件の遅延' });
    moveKpi(doc, k2, 0);
    expect(listKpis(doc).map((k) => k.id)).toEqual([k2, k1]);
    removeKpi(doc, k2);
    expect(listKpis(doc)).toHaveLength(1);
  });

  it('rejects non-numbers and dangling countermeasures', () => {
    const doc = meeting();
    const k = addKpi(doc, { name: 'x' });
    expectRejected(doc, () => updateKpi(doc, k, { actual: Number.NaN }), 'actual');
    expectRejected(doc, () => updateKpi(doc, k, { target: '1,234' as never }), 'target');
    expectRejected(doc, () => updateKpi(doc, k, { countermeasureActionId: 'nope' }), 'countermeasureActionId');
    expectRejected(doc, () => addKpi(doc, { name: 'y', direction: 'up' as never }), 'direction');
  });
});
