import { describe, expect, it } from 'vitest';
import { bodyTree, buildManagementReport, kpiOnTarget, type ReportBodyFigures } from './managementReport';

const figures = (over: Partial<ReportBodyFigures>): ReportBodyFigures => ({
  meetings: 0, closed: 0, closedOnTime: 0, open: 0, overdue: 0, byOwner: [], byDepartment: [], kpis: [], ...over,
});

describe('management report model', () => {
  it('puts the body first and its children below it, by name, and leaves out other trees', () => {
    const all = [
      { id: 'c2', name: '営業定例', parentId: 'root' },
      { id: 'root', name: '経営会議', parentId: null },
      { id: 'c1', name: '開発定例', parentId: 'root' },
      { id: 'g', name: 'チームA', parentId: 'c1' },
      { id: 'other', name: '別の会議', parentId: null },
    ];
    expect(bodyTree('c1', all).map((b) => [b.id, b.depth, b.parentId])).toEqual([['c1', 0, null], ['g', 1, 'c1']]);
    expect(bodyTree('root', all).map((b) => [b.id, b.depth])).toEqual([['root', 0], ['c2', 1], ['c1', 1], ['g', 2]]);
    expect(bodyTree('nope', all)).toEqual([]);
  });

  it('sums follow-through across the bodies and merges owners and departments, worst first', () => {
    const bodies = bodyTree('root', [{ id: 'root', name: '経営会議', parentId: null }, { id: 'c', name: '営業定例', parentId: 'root' }]);
    const report = buildManagementReport({
      seriesId: 'root', from: '2026-01-01', to: '2026-12-31', today: '2026-12-07', bodies, decisions: [], decisionTotal: 0,
      figures: new Map([
        ['root', figures({ meetings: 2, closed: 4, closedOnTime: 3, open: 2, overdue: 1, byOwner: [{ owner: '山田', department: '営業部', open: 2, dueThisWeek: 0, overdue: 1 }], byDepartment: [{ department: '営業部', open: 2, dueThisWeek: 0, overdue: 1 }] })],
        ['c', figures({ meetings: 3, closed: 0, open: 3, overdue: 2, byOwner: [{ owner: '山田', department: '営業部', open: 1, dueThisWeek: 0, overdue: 1 }, { owner: '佐藤', department: '開発部', open: 2, dueThisWeek: 1, overdue: 0 }], byDepartment: [{ department: '営業部', open: 1, dueThisWeek: 0, overdue: 1 }, { department: '開発部', open: 2, dueThisWeek: 1, overdue: 0 }] })],
      ]),
    });
    const ft = report.sections.find((s) => s.kind === 'followThrough');
    if (ft?.kind !== 'followThrough') throw new Error('no follow-through section');
    expect(ft.totals).toEqual({ meetings: 5, closed: 4, closedOnTime: 3, onTimeRate: 0.75, open: 5, overdue: 3 });
    expect(ft.bodies.map((b) => b.onTimeRate)).toEqual([0.75, null]);
    expect(ft.overdueByOwner).toEqual([{ owner: '山田', department: '営業部', open: 3, dueThisWeek: 0, overdue: 2 }]);
    expect(ft.overdueByDepartment.map((d) => d.department)).toEqual(['営業部']);
    expect(report.sections.map((s) => s.kind)).toEqual(['kpiTrends', 'followThrough', 'keyDecisions']);
  });

  it('judges a KPI by its last point with both numbers, in its direction', () => {
    const p = (actual: number | null, target: number | null) => ({ period: 'x', heldOn: null, actual, target });
    expect(kpiOnTarget('higher_is_better', [p(10, 8), p(5, 8)])).toBe(false);
    expect(kpiOnTarget('lower_is_better', [p(5, 8), p(null, 8)])).toBe(true);
    expect(kpiOnTarget('higher_is_better', [p(5, null)])).toBeNull();
  });

  it('refuses a body list that does not start with the reported body', () => {
    expect(() => buildManagementReport({ seriesId: 'a', from: '2026-01-01', to: '2026-01-31', today: '2026-02-01', bodies: [], figures: new Map(), decisions: [], decisionTotal: 0 })).toThrow(/comes first/);
  });
});
