import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seededRandom, randomEdit } from '../testing/randomEdits';
import { addActionItem, updateActionItem } from './actionItems';
import { addAgendaItem, getAgendaNotes } from './agenda';
import { addAttendee } from './attendees';
import { setClosingOverride, setNextMeeting, removeClosingOverride } from './closingNotes';
import { addDecision } from './decisions';
import { checkTransactionShape } from './documentShape';
import { endMeeting, extendTimer, goToAgendaItem, pauseTimer, startMeeting } from './facilitation';
import { addKpi, updateKpi } from './kpis';
import { initMeeting, updateMeta } from './meeting';
import { setCarriedFrom, setSeriesRole } from '../series/carriedFields';

/**
 * A receiving document like the server's scratch copy: every update from `source` is applied to it
 * and the shape problems of each transaction are collected.
 */
function receiver(source: Y.Doc, extraRootKeys?: ReadonlySet<string>) {
  const target = new Y.Doc();
  target.getMap('meta'); // the server types meta up front; the other roots arrive untyped
  const problems: (string | null)[] = [];
  target.on('afterTransaction', (tr: Y.Transaction) => problems.push(checkTransactionShape(tr, { extraRootKeys })));
  Y.applyUpdate(target, Y.encodeStateAsUpdate(source));
  source.on('update', (u: Uint8Array) => Y.applyUpdate(target, u));
  return { target, problems };
}

function meeting() {
  const doc = new Y.Doc();
  initMeeting(doc, { title: '定例', departments: ['営業'], seriesNumber: 12 });
  return doc;
}

/** The problem a crafted change of `craft` (on a copy of `base`) gets, when applied as one update. */
function problemOf(base: Y.Doc, craft: (doc: Y.Doc) => void, extraRootKeys?: ReadonlySet<string>): string | null {
  const source = new Y.Doc();
  Y.applyUpdate(source, Y.encodeStateAsUpdate(base));
  const { problems } = receiver(source, extraRootKeys);
  problems.length = 0;
  source.transact(() => craft(source));
  return problems.find((p) => p !== null) ?? null;
}

describe('document shape', () => {
  it('accepts everything the model writes', () => {
    const doc = meeting();
    const { problems } = receiver(doc);
    const a = addAgendaItem(doc, { title: '売上' });
    addAttendee(doc, { name: '佐藤', department: '営業' });
    const d = addDecision(doc, { text: '出展する', agendaItemId: a, reviewDate: '2027-01-10' });
    const act = addActionItem(doc, { title: '見積', owner: { name: '鈴木', department: '製品' }, dueDate: '2026-12-24', link: { kind: 'decision', id: d } });
    updateActionItem(doc, act, { externalRefs: [{ tracker: 'jira', key: 'OPS-1', url: 'https://x.atlassian.net/browse/OPS-1' }] });
    const k = addKpi(doc, { name: '受注', target: 100, actual: 80, unit: '件' });
    updateKpi(doc, k, { countermeasureActionId: act, comment: '遅れ' });
    updateMeta(doc, { title: '定例 第2回', place: '会議室B', scheduledStart: '2026-12-10T10:00:00+09:00', kpiAtRiskMargin: 0.2 });
    startMeeting(doc, 1_000);
    goToAgendaItem(doc, a, 2_000);
    extendTimer(doc, 5);
    pauseTimer(doc, 3_000);
    const notes = getAgendaNotes(doc, a);
    doc.transact(() => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('メモ')]);
      notes.insert(0, [p]);
    });
    (notes.get(0) as Y.XmlElement).setAttribute('textAlign', 'left');
    setClosingOverride(doc, `action-due-date:${act}`, { reason: '未定', by: '佐藤' }, 5_000);
    removeClosingOverride(doc, `action-due-date:${act}`);
    setNextMeeting(doc, { date: '2026-12-17', place: '会議室C', text: '同じ部屋' });
    setCarriedFrom(doc, act, { root: { meetingId: 'm0', actionItemId: 'a0' }, via: { meetingId: 'm1', actionItemId: 'a1' }, viaMeeting: { number: 11, heldOn: '2026-12-03' } });
    setSeriesRole(doc, a, 'followUp');
    updateMeta(doc, { scheduledStart: '2026-12-10' });
    endMeeting(doc, 9_000);
    const random = seededRandom(7);
    for (let i = 0; i < 300; i++) randomEdit(doc, random, `e${i}`);
    expect(problems.filter((p) => p !== null)).toEqual([]);
  });

  it('refuses a value of the wrong type, size or set', () => {
    const doc = meeting();
    const a = addAgendaItem(doc, { title: '売上' });
    const act = addActionItem(doc, { title: '見積' });
    const agenda = (d: Y.Doc) => d.getMap<Y.Map<unknown>>('agenda').get(a)!;
    const action = (d: Y.Doc) => d.getMap<Y.Map<unknown>>('actionItems').get(act)!;
    expect(problemOf(doc, (d) => agenda(d).set('title', 42))).toMatch(/^agenda item .*: title: .*expected string/);
    expect(problemOf(doc, (d) => action(d).set('owner', { name: 'x'.repeat(1_000_000), department: '' }))).toMatch(/action item .*: owner/);
    expect(problemOf(doc, (d) => agenda(d).set('status', 'bogus'))).toMatch(/agenda item .*: status/);
    expect(problemOf(doc, (d) => agenda(d).set('title', new Y.Text('x')))).toMatch(/title: must be a plain value/);
    expect(problemOf(doc, (d) => agenda(d).set('color', 'red'))).toMatch(/unknown field "color"/);
    expect(problemOf(doc, (d) => agenda(d).delete('title'))).toMatch(/must not be removed/);
    expect(problemOf(doc, (d) => d.getMap('meta').set('status', 'paused'))).toMatch(/^meta: status/);
    expect(problemOf(doc, (d) => d.getMap('meta').set('owner', 'me'))).toMatch(/^meta: unknown field "owner"/);
    expect(problemOf(doc, (d) => d.getMap('meta').set('timer', { agendaItemId: a, runningSince: 'now', elapsedBeforeRunMs: 0, extensionMs: 0 }))).toMatch(/^meta: timer/);
    expect(problemOf(doc, (d) => d.getMap('closing').set('theme', 'dark'))).toMatch(/^closing: unknown key/);
    expect(problemOf(doc, (d) => d.getMap('closing').set('nextMeeting', { date: 'soon', text: '' }))).toMatch(/^closing: nextMeeting/);
  });

  it('refuses records that are not records, unknown roots, and content where none belongs', () => {
    const doc = meeting();
    const a = addAgendaItem(doc, { title: '売上' });
    expect(problemOf(doc, (d) => d.getMap('decisions').set('x', 'not a record'))).toMatch(/decision x: must be a record/);
    expect(problemOf(doc, (d) => d.getMap('kpis').set('k', new Y.Map([['name', 'only a name']])))).toMatch(/KPI k: field "unit" is missing/);
    expect(problemOf(doc, (d) => d.getMap('agenda').set('y'.repeat(200), new Y.Map()))).toMatch(/id must be/);
    expect(problemOf(doc, (d) => d.getArray('evil').insert(0, [1]))).toBe('unknown top-level key "evil"');
    expect(problemOf(doc, (d) => d.getArray('bench').insert(0, [1]), new Set(['bench']))).toBeNull();
    expect(problemOf(doc, (d) => d.getArray('agenda').insert(0, ['listed']))).toMatch(/agenda: unexpected list content/);
    expect(problemOf(doc, (d) => getAgendaNotes(d, a).insert(0, [new Y.XmlText('ok')]))).toBeNull();
    expect(problemOf(doc, (d) => (getAgendaNotes(d, a) as unknown as Y.Array<unknown>).insert(0, ['raw string']))).toBe('notes: unexpected content');
    expect(problemOf(doc, (d) => d.getMap<Y.Map<unknown>>('agenda').get(a)!.set('notes', new Y.XmlText('x')))).toMatch(/notes: must be the notes document/);
  });
});
