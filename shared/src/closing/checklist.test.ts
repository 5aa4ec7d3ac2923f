import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { formatMinutesMarkdown } from '../export/minutesMarkdown';
import { addActionItem, updateActionItem } from '../model/actionItems';
import { getClosingNotes, setClosingOverride, setNextMeeting } from '../model/closingNotes';
import { addDecision, updateDecision } from '../model/decisions';
import { addKpi, updateKpi } from '../model/kpis';
import { initMeeting } from '../model/meeting';
import { toMeetingView } from '../view/meetingView';
import { closingChecklist } from './checklist';
import { closingMinutesOptions, describeGap } from './minutes';

function meeting(): Y.Doc {
  const doc = new Y.Doc();
  initMeeting(doc, { title: '週次定例', language: 'ja' });
  return doc;
}

const checklistOf = (doc: Y.Doc) => closingChecklist(toMeetingView(doc, 'm1'), getClosingNotes(doc).overrides);

describe('closing checklist', () => {
  it('is ready for an empty meeting', () => {
    const list = checklistOf(meeting());
    expect(list.ready).toBe(true);
    expect(list.gaps).toEqual([]);
    expect(list.checks.map((c) => [c.kind, c.checked])).toEqual([
      ['action-owner', 0],
      ['action-due-date', 0],
      ['kpi-countermeasure', 0],
      ['decision-decider', 0],
    ]);
  });

  it('finds action items without owner or due date, but not done or dropped ones', () => {
    const doc = meeting();
    const noOwner = addActionItem(doc, { title: '見積書を送る', dueDate: '2025-07-10' }, { id: 'a1' });
    const noDue = addActionItem(doc, { title: 'Call the client', owner: { name: 'Sato', department: 'Sales' } }, { id: 'a2' });
    const neither = addActionItem(doc, { title: '両方なし', owner: { name: '   ', department: '' }, status: 'in_progress' }, { id: 'a3' });
    addActionItem(doc, { title: 'Done already', status: 'done' });
    addActionItem(doc, { title: 'Dropped', status: 'dropped' });
    addActionItem(doc, { title: 'Complete', owner: { name: '山田', department: '営業' }, dueDate: '2025-07-31' });

    const list = checklistOf(doc);
    expect(list.ready).toBe(false);
    expect(list.checks[0]).toMatchObject({ kind: 'action-owner', checked: 4 });
    expect(list.gaps.map((g) => g.id)).toEqual([
      `action-owner:${noOwner}`,
      `action-owner:${neither}`,
      `action-due-date:${noDue}`,
      `action-due-date:${neither}`,
    ]);
    expect(list.gaps[0]).toMatchObject({ kind: 'action-owner', subjectId: 'a1', subject: '見積書を送る', override: null });

    // Fixing on the spot makes the gap disappear.
    updateActionItem(doc, noOwner, { owner: { name: '佐藤', department: '営業' } });
    updateActionItem(doc, noDue, { dueDate: '2025-07-15' });
    updateActionItem(doc, neither, { status: 'dropped' });
    expect(checklistOf(doc).ready).toBe(true);
  });

  it('asks every off-track KPI for a countermeasure that exists and is not dropped', () => {
    const doc = meeting();
    const offTrack = addKpi(doc, { name: '新規受注', unit: '件', target: 20, actual: 8 }, { id: 'k1' });
    addKpi(doc, { name: 'On track', target: 10, actual: 12 });
    addKpi(doc, { name: 'No numbers' });
    const costs = addKpi(doc, { name: '解約率', unit: '%', target: 2, actual: 5, direction: 'lower_is_better' }, { id: 'k2' });

    let list = checklistOf(doc);
    expect(list.checks[2]).toMatchObject({ kind: 'kpi-countermeasure', checked: 2 });
    expect(list.open.map((g) => g.id)).toEqual([`kpi-countermeasure:${offTrack}`, `kpi-countermeasure:${costs}`]);

    // A countermeasure action named on the KPI…
    const action = addActionItem(doc, { title: '追加の商談を設定', owner: { name: '山田', department: '営業' }, dueDate: '2025-07-20' });
    updateKpi(doc, offTrack, { countermeasureActionId: action });
    // …or an action item linked to the KPI both count.
    addActionItem(doc, {
      title: 'Exit interviews',
      owner: { name: 'Kim', department: 'CS' },
      dueDate: '2025-07-20',
      link: { kind: 'kpi', id: costs },
    });
    expect(checklistOf(doc).ready).toBe(true);

    // A dropped countermeasure is no countermeasure.
    updateActionItem(doc, action, { status: 'dropped' });
    list = checklistOf(doc);
    expect(list.open.map((g) => g.id)).toEqual([`kpi-countermeasure:${offTrack}`]);
  });

  it('asks every decision for who decided it', () => {
    const doc = meeting();
    const d1 = addDecision(doc, { text: '価格改定を7月に実施', decidedBy: '' });
    addDecision(doc, { text: 'Ship on Friday', decidedBy: 'CEO' });
    expect(checklistOf(doc).open.map((g) => g.id)).toEqual([`decision-decider:${d1}`]);
    updateDecision(doc, d1, { decidedBy: '営業部長' });
    expect(checklistOf(doc).ready).toBe(true);
  });

  it('an override with a reason resolves a gap; an override of a fixed gap is ignored', () => {
    const doc = meeting();
    const a = addActionItem(doc, { title: '調査', owner: { name: '山田', department: '' } });
    const d = addDecision(doc, { text: '方針A' });
    setClosingOverride(doc, `action-due-date:${a}`, { reason: '調査の規模が分かってから決める', by: '佐藤' }, 10);
    let list = checklistOf(doc);
    expect(list.ready).toBe(false);
    expect(list.overridden.map((g) => g.id)).toEqual([`action-due-date:${a}`]);
    expect(list.open.map((g) => g.id)).toEqual([`decision-decider:${d}`]);

    setClosingOverride(doc, `decision-decider:${d}`, { reason: '全員の合意' }, 20);
    setClosingOverride(doc, 'action-owner:gone', { reason: 'stale' }, 30);
    list = checklistOf(doc);
    expect(list.ready).toBe(true);
    expect(list.overridden).toHaveLength(2);
  });

  it('gives the minutes each overridden gap in their language, with the reason and who accepted it', () => {
    const doc = meeting();
    const a = addActionItem(doc, { title: '調査, "市場"', owner: { name: '山田', department: '' } });
    setClosingOverride(doc, `action-due-date:${a}`, { reason: '規模が分かってから決める', by: '佐藤' }, 10);
    setNextMeeting(doc, { date: '2025-07-08', text: '会議室B' });
    const view = toMeetingView(doc, 'm1');
    const notes = getClosingNotes(doc);

    const ja = closingMinutesOptions(view, notes, 'ja');
    expect(ja.closingOverrides).toEqual([{ item: '宿題「調査, "市場"」：期限が未定', reason: '規模が分かってから決める（佐藤）' }]);
    expect(ja.nextMeeting).toEqual({ date: '2025-07-08', place: '', text: '会議室B' });
    const en = closingMinutesOptions(view, notes, 'en');
    expect(en.closingOverrides).toEqual([{ item: 'Action item "調査, "市場"": no due date', reason: '規模が分かってから決める (佐藤)' }]);

    const markdown = formatMinutesMarkdown(view, { meetingUrlBase: 'https://example.com', ...ja });
    expect(markdown).toContain('終了時チェックの例外');
    expect(markdown).toContain('規模が分かってから決める（佐藤）');
    expect(markdown).toContain('2025年7月8日');
  });

  it('shortens long subjects in descriptions', () => {
    const text = describeGap({ kind: 'decision-decider', subject: 'あ'.repeat(100) }, 'ja');
    expect(text).toBe(`決定「${'あ'.repeat(59)}…」：決定者が未記入`);
  });
});
