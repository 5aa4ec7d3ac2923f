import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addActionItem, listActionItems, updateActionItem } from '../model/actionItems';
import { addDecision } from '../model/decisions';
import { addKpi, listKpis } from '../model/kpis';
import { listAgendaItems } from '../model/agenda';
import { initMeeting } from '../model/meeting';
import { toMeetingView } from '../view/meetingView';
import { listCarriedFrom } from './carriedFields';
import { carryInto, planCarryOver, sinceLastTime, writeNextMeeting, type SeriesMeetingSnapshot } from './carryOver';

const snap = (doc: Y.Doc, id: string): SeriesMeetingSnapshot => ({ view: toMeetingView(doc, id), carried: listCarriedFrom(doc) });

describe('carry-over', () => {
  it('carries each open chain once, keeps the root, and the brief counts closed/open/overdue', () => {
    const m1 = new Y.Doc();
    initMeeting(m1, { title: 'M1' });
    const a = addActionItem(m1, { title: '見積もりを送る', owner: { name: '佐藤', department: '営業' }, dueDate: '2026-01-05' });
    addActionItem(m1, { title: 'Fix login', dueDate: '2026-02-01' });
    const c = addActionItem(m1, { title: 'Done already', status: 'done' });
    addKpi(m1, { name: '受注件数', unit: '件', target: 10, actual: 7, previous: 5 });
    addDecision(m1, { text: '価格改定は4月から', reviewDate: '2026-01-10' });
    const history = [snap(m1, 'm1')];

    const plan = planCarryOver(history);
    expect(plan.map((p) => p.item.title).sort()).toEqual(['Fix login', '見積もりを送る']);
    const m2 = new Y.Doc();
    initMeeting(m2, { title: 'M2' });
    const brief = sinceLastTime({ history, today: '2026-01-08', language: 'ja' });
    expect(brief.overdue.map((x) => x.id)).toEqual([a]);
    expect(brief.decisionsForReview).toHaveLength(1);
    writeNextMeeting(m2, { language: 'ja', template: [{ title: '数字の確認', presenter: '', timeboxMinutes: 15 }], last: history[0]!.view, carry: plan, brief, now: 1 });
    const agenda = listAgendaItems(m2);
    expect(agenda.map((x) => x.title)).toEqual(['前回からの宿題フォローアップ', '前回からの変化', '数字の確認']);
    expect(listKpis(m2)[0]).toMatchObject({ name: '受注件数', previous: 7, actual: null, target: 10 });
    expect(listActionItems(m2)).toHaveLength(2);
    // Repeating the carry adds nothing.
    expect(carryInto(m2, plan, null, 2)).toEqual([]);
    expect(listActionItems(m2)).toHaveLength(2);

    // M3: the chain of `a` goes on from its copy in M2; `b` closed in M2 is not carried.
    const m2Items = listActionItems(m2);
    const bCopy = m2Items.find((x) => x.title === 'Fix login')!;
    updateActionItem(m2, bCopy.id, { status: 'done' });
    const plan3 = planCarryOver([...history, snap(m2, 'm2')]);
    expect(plan3).toHaveLength(1);
    expect(plan3[0]!.origin.root).toEqual({ meetingId: 'm1', actionItemId: a });
    expect(plan3[0]!.origin.via.meetingId).toBe('m2');
    const brief3 = sinceLastTime({ history: [...history, snap(m2, 'm2')], today: '2026-01-08', language: 'en' });
    expect(brief3.closedSinceLast.map((x) => x.title)).toEqual(['Fix login']);
    expect(c).toBeTruthy();
  });
});
