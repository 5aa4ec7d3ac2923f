import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseKpiPaste } from '../kpi/pasteParser';
import { addKpi, getKpi, kpis, listKpis } from './kpis';
import { addKpis, KpiBatchError, planKpiUpsert, upsertKpis } from './kpiBatch';
import { initMeeting } from './meeting';
import { observeMeeting } from './observe';

function meeting(): Y.Doc {
  const doc = new Y.Doc();
  initMeeting(doc, { title: 'Weekly' });
  return doc;
}

function refused(doc: Y.Doc, fn: () => void): KpiBatchError {
  const before = Y.encodeStateAsUpdate(doc);
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(KpiBatchError);
  expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  return caught as KpiBatchError;
}

describe('addKpis', () => {
  it('adds every row in order, in one transaction', () => {
    const doc = meeting();
    addKpi(doc, { name: 'Existing' });
    const changes: number[] = [];
    observeMeeting(doc, () => changes.push(1));
    const ids = addKpis(doc, [{ name: 'Revenue', target: 100, actual: 98 }, { name: 'Churn', direction: 'lower_is_better' }]);
    expect(changes).toHaveLength(1);
    expect(listKpis(doc).map((k) => k.name)).toEqual(['Existing', 'Revenue', 'Churn']);
    expect(listKpis(doc).slice(1).map((k) => k.id)).toEqual(ids);
  });

  it('stores a KPI exactly as addKpi does', () => {
    const doc = meeting();
    const input = { name: 'Same', unit: '%', target: 2, actual: 2.5, direction: 'lower_is_better' as const, owner: 'Kim', comment: 'c' };
    const one = addKpi(doc, input);
    const [batch] = addKpis(doc, [input]);
    const { id: _a, order: _b, ...single } = getKpi(doc, one)!;
    const { id: _c, order: _d, ...batched } = getKpi(doc, batch!)!;
    expect(batched).toEqual(single);
    expect(kpis.record(doc, batch!)!.toJSON()).toEqual({ ...kpis.record(doc, one)!.toJSON(), order: expect.any(String) });
  });

  it('writes nothing when any row is bad, and lists every bad row', () => {
    const doc = meeting();
    const error = refused(doc, () => addKpis(doc, [{ name: 'OK' }, { name: '' }, { name: 'X', target: Number.NaN }, { name: 'Y', countermeasureActionId: 'nope' }]));
    expect(error.problems.map((p) => [p.index, p.field])).toEqual([
      [1, 'name'],
      [2, 'target'],
      [3, 'countermeasureActionId'],
    ]);
    expect(error.code).toBe('invalid_input');
    expect(listKpis(doc)).toEqual([]);
  });
});

describe('upsertKpis', () => {
  it('updates KPIs with the same name (non-empty cells only) and adds the others, in one transaction', () => {
    const doc = meeting();
    const revenue = addKpi(doc, { name: 'Revenue', unit: '百万円', target: 120, actual: 98, previous: 90, owner: 'Sato', comment: 'keep' });
    const pasted = parseKpiPaste('Name\tTarget\tActual\tPrevious\tComment\nrevenue\t\t105\t98\t\nNPS\t40\t35\t\tnew');
    expect(pasted.ok).toBe(true);
    const inputs = pasted.rows.map((r) => r.input);
    expect(planKpiUpsert(listKpis(doc), inputs)).toEqual([revenue, null]);

    const changes: number[] = [];
    observeMeeting(doc, () => changes.push(1));
    const result = upsertKpis(doc, inputs);
    expect(changes).toHaveLength(1);
    expect(result.updated).toEqual([revenue]);
    expect(result.added).toHaveLength(1);
    expect(getKpi(doc, revenue)).toMatchObject({ name: 'Revenue', unit: '百万円', target: 120, actual: 105, previous: 98, owner: 'Sato', comment: 'keep' });
    expect(getKpi(doc, result.added[0]!)).toMatchObject({ name: 'NPS', target: 40, actual: 35, previous: null, comment: 'new' });
  });

  it('is all or nothing', () => {
    const doc = meeting();
    addKpi(doc, { name: 'Revenue' });
    const error = refused(doc, () => upsertKpis(doc, [{ name: 'A', target: 1 }, { name: 'Revenue', unit: 'x'.repeat(600) }, { name: 'a' }]));
    expect(error.problems.map((p) => [p.index, p.field])).toEqual([
      [1, 'unit'],
      [2, 'name'],
    ]);
    expect(listKpis(doc).map((k) => k.name)).toEqual(['Revenue']);
  });
});
