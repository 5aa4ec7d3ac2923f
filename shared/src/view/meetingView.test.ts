import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addActionItem } from '../model/actionItems';
import { addAgendaItem, getAgendaNotes } from '../model/agenda';
import { addKpi } from '../model/kpis';
import { initMeeting } from '../model/meeting';
import { toMeetingView } from './meetingView';
import { notesToPlainText } from './notesText';

function paragraph(text: string, name = 'paragraph'): Y.XmlElement {
  const p = new Y.XmlElement(name);
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

describe('notesToPlainText', () => {
  it('renders paragraphs, headings and lists as lines', () => {
    const doc = new Y.Doc();
    const notes = doc.getXmlFragment('n');
    const list = new Y.XmlElement('bulletList');
    const li1 = new Y.XmlElement('listItem');
    li1.insert(0, [paragraph('売上は前年比 +12%')]);
    const li2 = new Y.XmlElement('listItem');
    li2.insert(0, [paragraph('<b>not html</b>')]);
    list.insert(0, [li1, li2]);
    const ordered = new Y.XmlElement('orderedList');
    const oi = new Y.XmlElement('listItem');
    oi.insert(0, [paragraph('first')]);
    ordered.insert(0, [oi]);
    notes.insert(0, [paragraph('見出し', 'heading'), paragraph('本文'), list, ordered]);
    expect(notesToPlainText(notes)).toBe('見出し\n本文\n- 売上は前年比 +12%\n- <b>not html</b>\n1. first');
  });
});

describe('toMeetingView', () => {
  it('is plain JSON of the whole meeting with derived KPI status', () => {
    const doc = new Y.Doc();
    initMeeting(doc, { title: '定例', place: 'Zoom' });
    const item = addAgendaItem(doc, { title: 'KPI', timeboxMinutes: 15 });
    getAgendaNotes(doc, item).insert(0, [paragraph('メモ')]);
    addKpi(doc, { name: '受注', target: 100, actual: 80, previous: 90 });
    addActionItem(doc, { title: '対策', dueDate: '2026-12-01' });
    const view = toMeetingView(doc, 'm1');
    expect(view.id).toBe('m1');
    expect(view.meta.title).toBe('定例');
    expect(view.agenda[0]).toMatchObject({ title: 'KPI', notes: 'メモ' });
    expect(view.kpis[0]).toMatchObject({ status: 'off_track', delta: -10 });
    expect(view.actionItems[0]).toMatchObject({ title: '対策', dueDate: '2026-12-01' });
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('tolerates records written without the fields the model expects', () => {
    const doc = new Y.Doc();
    initMeeting(doc, { title: 't' });
    // A foreign or older client wrote an agenda item with junk fields and no notes fragment.
    const junk = new Y.Map<unknown>();
    junk.set('title', 42);
    doc.getMap('agenda').set('x', junk);
    const view = toMeetingView(doc, 'm');
    expect(view.agenda[0]).toMatchObject({ id: 'x', title: '', notes: '', timeboxMinutes: 0 });
  });
});
