import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addActionItem, getActionItem, listActionItems } from '../model/actionItems';
import { initMeeting } from '../model/meeting';
import { actionItemRecord, decisionRecord } from './meetingRecords';

const record = (doc: Y.Doc, id: string) => doc.getMap<Y.Map<unknown>>('actionItems').get(id)!;

describe('record declarations', () => {
  it('derive input, patch and stored shape from one list of fields', () => {
    expect(Object.keys(decisionRecord.input.shape)).toEqual(['text', 'rationale', 'alternatives', 'decidedBy', 'agendaItemId', 'reviewDate', 'supersedesId']);
    expect(Object.keys(decisionRecord.patch.shape)).toEqual(Object.keys(decisionRecord.input.shape)); // createdAt and order: the model's
    expect(decisionRecord.stored.required).toEqual(Object.keys(decisionRecord.fields));
    expect(Object.keys(actionItemRecord.stored.fields)).toContain('carriedFrom');
    expect(actionItemRecord.stored.required).not.toContain('carriedFrom');
  });

  it('read a bad stored field as its fallback, every time, and a good one again once fixed', () => {
    const doc = new Y.Doc();
    initMeeting(doc, { title: 't' });
    const id = addActionItem(doc, { title: 'a', owner: { name: '佐藤', department: '営業' }, dueDate: '2026-12-20' });
    const bad = { name: 42 };
    record(doc, id).set('owner', bad);
    record(doc, id).set('dueDate', 'someday');
    const first = getActionItem(doc, id)!;
    expect(first).toMatchObject({ owner: { name: '', department: '' }, dueDate: null });
    first.owner.name = 'changed by a caller';
    expect(getActionItem(doc, id)!.owner).toEqual({ name: '', department: '' }); // fallbacks are never shared
    record(doc, id).set('owner', { name: '鈴木', department: '' });
    record(doc, id).set('dueDate', '2026-12-21');
    expect(listActionItems(doc)[0]).toMatchObject({ owner: { name: '鈴木', department: '' }, dueDate: '2026-12-21' });
    record(doc, id).set('owner', bad); // the same bad object again: still the fallback
    expect(getActionItem(doc, id)!.owner).toEqual({ name: '', department: '' });
  });
});
