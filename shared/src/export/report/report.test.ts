import { describe, expect, it } from 'vitest';
import { marked } from 'marked';
import { byTag, findAll, parseHtmlDocument } from '../fixtures/htmlDom';
import { bodyTree, buildManagementReport } from '../../report/managementReport';
import { formatReportHtml } from './reportHtml';
import { formatReportMarkdown } from './reportMarkdown';

const report = buildManagementReport({
  seriesId: 'root', from: '2026-01-01', to: '2026-12-31', today: '2026-12-07',
  bodies: bodyTree('root', [{ id: 'root', name: '経営会議', parentId: null }, { id: 'c', name: '営業<定例>|週次', parentId: 'root' }]),
  figures: new Map([
    ['root', { meetings: 2, closed: 4, closedOnTime: 3, open: 2, overdue: 1, byOwner: [{ owner: '山田', department: '営業部', open: 2, dueThisWeek: 0, overdue: 1 }], byDepartment: [{ department: '営業部', open: 2, dueThisWeek: 0, overdue: 1 }], kpis: [] }],
    ['c', { meetings: 3, closed: 0, closedOnTime: 0, open: 0, overdue: 0, byOwner: [], byDepartment: [], kpis: [{ name: '受注件数', unit: '件', direction: 'higher_is_better', points: [{ period: '2026-10', heldOn: '2026-10-05', actual: 12, target: 10 }, { period: '2026-11', heldOn: '2026-11-02', actual: 7, target: 10 }] }] }],
  ]),
  decisions: [{ bodyId: 'c', meetingTitle: '営業定例 #3', heldOn: '2026-11-02', text: '値引きは**10%**まで', decidedBy: '山田', rationale: '利益率' }],
  decisionTotal: 5,
});

describe('経営報告 HTML', () => {
  it('is a Japanese A4 report: title block, body tree, numbered sections, chart with its table', () => {
    const html = formatReportHtml(report, 'ja');
    expect(html).toContain('@page { size: A4');
    const doc = parseHtmlDocument(html);
    expect(findAll(doc, byTag('html'))[0]!.attrs.lang).toBe('ja');
    expect(findAll(doc, byTag('header'))[0]!.text).toContain('経営報告');
    expect(findAll(doc, byTag('header'))[0]!.text).toContain('2026年1月1日');
    expect(findAll(doc, (e) => e.tag === 'ul' && e.attrs.class === 'tree')[0]!.children.map((li) => li.text)).toEqual(['経営会議', '営業<定例>|週次']);
    expect(findAll(doc, byTag('h2')).map((h) => h.text)).toEqual(['対象会議体', '1. KPIの推移と目標', '2. アクションアイテムの実行状況', '3. 主な決定事項']);
    const figure = findAll(doc, byTag('figure'))[0]!;
    expect(findAll(figure, byTag('svg'))[0]!.attrs['aria-hidden']).toBe('true');
    const rows = findAll(figure, byTag('tbody'))[0]!.children.map((tr) => tr.children.map((c) => c.text));
    expect(rows).toEqual([['2026-10', '2026年10月5日(月)', '12', '10'], ['2026-11', '2026年11月2日(月)', '7', '10']]);
    const summary = findAll(doc, (e) => e.tag === 'table' && e.attrs.class === 'summary')[0]!;
    expect(summary.text).toContain('目標未達');
    const follow = findAll(doc, (e) => e.tag === 'section' && e.attrs.class === 'section-followThrough')[0]!;
    const total = findAll(follow, (e) => e.tag === 'tr' && e.attrs.class === 'total')[0]!;
    expect(total.children.map((c) => c.text)).toEqual(['合計', '5', '4', '3', '75%', '2', '1']);
    expect(findAll(doc, byTag('script'))).toHaveLength(0);
    expect(html).not.toContain('<定例>');
  });

  it('speaks English when asked', () => {
    const doc = parseHtmlDocument(formatReportHtml(report, 'en'));
    expect(findAll(doc, byTag('h2')).map((h) => h.text)).toContain('3. Key decisions');
  });
});

describe('経営報告 Markdown', () => {
  it('has the same numbered sections as GFM tables, user text escaped', () => {
    const md = formatReportMarkdown(report, 'ja');
    const tokens = marked.lexer(md);
    const headings = tokens.filter((t) => t.type === 'heading').map((t) => (t as { text: string }).text);
    expect(headings.slice(0, 2)).toEqual(['経営報告: 経営会議', '対象会議体']);
    expect(headings).toContain('2. アクションアイテムの実行状況');
    const tables = tokens.filter((t): t is ReturnType<typeof marked.lexer>[number] & { type: 'table'; header: Array<{ text: string }>; rows: Array<Array<{ text: string }>> } => t.type === 'table');
    const follow = tables.find((t) => t.header[0]!.text === '会議体' && t.header[1]!.text === '会議数')!;
    expect(follow.rows.map((r) => r.length)).toEqual([7, 7, 7]);
    expect(follow.rows[2]!.map((c) => c.text)).toEqual(['**合計**', '5', '4', '3', '75%', '2', '1']);
    const decisions = tables.find((t) => t.header[2]!.text === '決定事項')!;
    expect(decisions.rows[0]![2]!.text).toBe('値引きは\\*\\*10%\\*\\*まで');
    expect(md).toContain('全5件のうち新しい1件');
  });
});
