import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addActionItem } from './actionItems';
import { addAgendaItem, getAgendaNotes, updateAgendaItem } from './agenda';
import { addKpi } from './kpis';
import { initMeeting, updateMeta } from './meeting';
import { observeMeeting, type MeetingSection } from './observe';

describe('observeMeeting', () => {
  it('reports which sections each transaction changed, once per transaction', () => {
    const doc = new Y.Doc();
    initMeeting(doc, { title: 't' });
    const calls: MeetingSection[][] = [];
    const stop = observeMeeting(doc, (sections) => calls.push([...sections].sort()));
    const id = addAgendaItem(doc, { title: 'A' });
    updateAgendaItem(doc, id, { title: 'B' });
    const notes = getAgendaNotes(doc, id);
    const paragraph = new Y.XmlElement('paragraph');
    notes.insert(0, [paragraph]);
    paragraph.insert(0, [new Y.XmlText('hello')]);
    updateMeta(doc, { title: 'new' });
    addActionItem(doc, { title: 'x' });
    addKpi(doc, { name: 'k' });
    doc.transact(() => {
      updateAgendaItem(doc, id, { presenter: 'p' });
      updateMeta(doc, { place: 'room' });
    });
    expect(calls).toEqual([
      ['agenda'],
      ['agenda'],
      ['notes'],
      ['notes'],
      ['meta'],
      ['actionItems'],
      ['kpis'],
      ['agenda', 'meta'],
    ]);
    stop();
    updateMeta(doc, { title: 'after' });
    expect(calls).toHaveLength(8);
  });

  it('reports remote changes too', () => {
    const a = new Y.Doc();
    initMeeting(a, { title: 't' });
    const b = new Y.Doc();
    const seen: MeetingSection[][] = [];
    observeMeeting(b, (s) => seen.push([...s]));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(seen).toEqual([['meta']]);
  });
});
