import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { countermeasureOf, countermeasuresByKpi } from '../kpi/countermeasure';
import { addActionItem, getActionItem, listActionItems, updateActionItem } from './actionItems';
import { addAttendee } from './attendees';
import { addKpi, getKpi, listKpis } from './kpis';
import { addKpiCountermeasure } from './kpiCountermeasure';
import { initMeeting } from './meeting';
import { NotFoundError, ValidationError } from './modelError';
import { observeMeeting } from './observe';

function meeting(): Y.Doc {
  const doc = new Y.Doc();
  initMeeting(doc, { title: 'Weekly' });
  addAttendee(doc, { name: '佐藤', department: '営業' });
  return doc;
}

describe('addKpiCountermeasure', () => {
  it('creates a linked action item owned by the KPI owner and points the KPI at it, in one transaction', () => {
    const doc = meeting();
    const kpi = addKpi(doc, { name: '売上', target: 120, actual: 90, owner: '佐藤' });
    const changes: Array<ReadonlySet<string>> = [];
    observeMeeting(doc, (sections) => changes.push(sections));
    const id = addKpiCountermeasure(doc, kpi, { title: '対策: 売上' });
    expect(changes).toEqual([new Set(['actionItems', 'kpis'])]);
    expect(getActionItem(doc, id)).toMatchObject({ title: '対策: 売上', owner: { name: '佐藤', department: '営業' }, link: { kind: 'kpi', id: kpi }, status: 'open' });
    expect(getKpi(doc, kpi)!.countermeasureActionId).toBe(id);
  });

  it('takes an explicit owner, and an owner who is no attendee has no department', () => {
    const doc = meeting();
    const a = addKpi(doc, { name: 'A', owner: 'Kim' });
    const b = addKpi(doc, { name: 'B', owner: 'Kim' });
    expect(getActionItem(doc, addKpiCountermeasure(doc, a, { title: 'fix A' }))!.owner).toEqual({ name: 'Kim', department: '' });
    expect(getActionItem(doc, addKpiCountermeasure(doc, b, { title: 'fix B', owner: { name: 'Lee', department: 'Ops' } }))!.owner).toEqual({ name: 'Lee', department: 'Ops' });
  });

  it('changes nothing when the KPI is missing or the input is bad', () => {
    const doc = meeting();
    const kpi = addKpi(doc, { name: 'A' });
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => addKpiCountermeasure(doc, 'nope', { title: 'x' })).toThrow(NotFoundError);
    expect(() => addKpiCountermeasure(doc, kpi, { title: '' })).toThrow(ValidationError);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(listActionItems(doc)).toEqual([]);
  });
});

describe('countermeasures made at the same moment', () => {
  it('two people clicking "+ Countermeasure" on the same KPI concurrently end up with one action item', () => {
    const a = meeting();
    const kpi = addKpi(a, { name: '売上', target: 120, actual: 90, owner: '佐藤' });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const fromA = addKpiCountermeasure(a, kpi, { title: '対策: 売上 (A)' });
    const fromB = addKpiCountermeasure(b, kpi, { title: '対策: 売上 (B)' });
    expect(fromA).toBe(fromB);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(listActionItems(a)).toHaveLength(1);
    expect(listActionItems(a)).toEqual(listActionItems(b));
    expect(getKpi(a, kpi)!.countermeasureActionId).toBe(fromA);
    expect(getKpi(b, kpi)!.countermeasureActionId).toBe(fromA);
  });

  it('a second countermeasure for the same KPI is a new action item; the first is kept', () => {
    const doc = meeting();
    const kpi = addKpi(doc, { name: '売上', owner: '佐藤' });
    const first = addKpiCountermeasure(doc, kpi, { title: 'first' });
    updateActionItem(doc, first, { status: 'done' });
    const second = addKpiCountermeasure(doc, kpi, { title: 'second' });
    expect(second).not.toBe(first);
    expect(getActionItem(doc, first)).toMatchObject({ title: 'first', status: 'done' });
    expect(getKpi(doc, kpi)!.countermeasureActionId).toBe(second);
    // An id that happens to be taken by another action item is skipped, never overwritten.
    const taken = addActionItem(doc, { title: 'unrelated', owner: { name: 'x', department: '' } }, { id: `cm-${kpi}-3` });
    expect(addKpiCountermeasure(doc, kpi, { title: 'third' })).not.toBe(taken);
    expect(getActionItem(doc, taken)!.title).toBe('unrelated');
  });
});

describe('countermeasureOf', () => {
  it('is the KPI own countermeasure, else a linked action, never a dropped one', () => {
    const doc = meeting();
    const kpi = addKpi(doc, { name: 'A' });
    const other = addKpi(doc, { name: 'B' });
    const read = () => {
      const k = getKpi(doc, kpi)!;
      const single = countermeasureOf(k, listActionItems(doc));
      expect(countermeasuresByKpi(listKpis(doc), listActionItems(doc)).get(kpi) ?? null).toEqual(single);
      return single?.title ?? null;
    };
    expect(read()).toBeNull();
    const linked = addActionItem(doc, { title: 'linked', link: { kind: 'kpi', id: kpi } });
    addActionItem(doc, { title: 'elsewhere', link: { kind: 'kpi', id: other } });
    expect(read()).toBe('linked');
    addKpiCountermeasure(doc, kpi, { title: 'own' });
    expect(read()).toBe('own');
    updateActionItem(doc, getKpi(doc, kpi)!.countermeasureActionId!, { status: 'dropped' });
    expect(read()).toBe('linked');
    updateActionItem(doc, linked, { status: 'dropped' });
    expect(read()).toBeNull();
  });
});
