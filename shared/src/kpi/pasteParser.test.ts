import { describe, expect, it } from 'vitest';
import { kpiNameKey, parseKpiPaste, splitTsv } from './pasteParser';

const tsv = (...rows: string[][]) => rows.map((cells) => cells.join('\t')).join('\n');

describe('splitTsv', () => {
  it('splits tabs and any line ending, remembering where each record starts', () => {
    expect(splitTsv('a\tb\r\nc\td\re\tf\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['c', 'd'] },
      { line: 3, cells: ['e', 'f'] },
      { line: 4, cells: [''] },
    ]);
  });

  it('reads quoted cells as spreadsheets write them: tabs, line breaks, doubled quotes', () => {
    const records = splitTsv('"two\r\nlines"\t"say ""hi"""\t"a\tb"\nnext\t"x"');
    expect(records).toEqual([
      { line: 1, cells: ['two\nlines', 'say "hi"', 'a\tb'] },
      { line: 3, cells: ['next', 'x'] },
    ]);
  });

  it('keeps a stray quote as text', () => {
    expect(splitTsv('"quoted" text\t5 "in"')).toEqual([{ line: 1, cells: ['"quoted" text', '5 "in"'] }]);
    expect(splitTsv('"never closed\tx')).toEqual([{ line: 1, cells: ['"never closed', 'x'] }]);
  });
});

describe('parseKpiPaste', () => {
  it('reads rows without a header by position: name, unit, target, actual, previous, direction, owner, comment', () => {
    const result = parseKpiPaste(tsv(['売上', '百万円', '120', '98', '110', '高', '佐藤', '大型案件が遅延'], ['解約率', '%', '2', '2.3', '', 'lower', 'Tanaka', '']));
    expect(result.header).toBe(false);
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 1,
        input: { name: '売上', unit: '百万円', target: 120, actual: 98, previous: 110, direction: 'higher_is_better', owner: '佐藤', comment: '大型案件が遅延' },
      },
      { line: 2, input: { name: '解約率', unit: '%', target: 2, actual: 2.3, previous: null, direction: 'lower_is_better', owner: 'Tanaka' } },
    ]);
  });

  it('treats missing trailing cells as empty', () => {
    const result = parseKpiPaste('NPS\tpt\t40');
    expect(result.rows[0]!.input).toEqual({ name: 'NPS', unit: 'pt', target: 40, actual: null, previous: null });
  });

  it('finds columns by Japanese header names, in any order', () => {
    const result = parseKpiPaste(tsv(['指標', '実績', '目標', '担当', '単位'], ['商談数', '１２３', '１５０', '山田', '件']));
    expect(result.header).toBe(true);
    expect(result.columns).toEqual(['name', 'actual', 'target', 'owner', 'unit']);
    expect(result.rows).toEqual([{ line: 2, input: { name: '商談数', actual: 123, target: 150, owner: '山田', unit: '件' } }]);
    expect(result.ok).toBe(true);
  });

  it('finds columns by English header names, ignoring case, brackets and unknown columns', () => {
    const result = parseKpiPaste(tsv(['KPI', 'Target (%)', 'Actual', 'Previous', 'Direction', 'Owner', 'Comment', 'Region'], ['Churn', '2', '2.5%', '2.1%', 'lower is better', 'Kim', 'up again', 'APAC']));
    expect(result.header).toBe(true);
    expect(result.ignoredHeaders).toEqual(['Region']);
    expect(result.rows[0]!.input).toEqual({ name: 'Churn', target: 2, actual: 2.5, previous: 2.1, direction: 'lower_is_better', owner: 'Kim', comment: 'up again', unit: '%' });
    expect(result.ok).toBe(true);
  });

  it('accepts the other Japanese header names', () => {
    const result = parseKpiPaste(tsv(['名前', '単位', '目標', '実績', '前回', '方向', '担当', 'コメント'], ['粗利', '円', '¥1,200', '￥1,100', '▲5', '↑', '佐藤', '']));
    expect(result.columns).toEqual(['name', 'unit', 'target', 'actual', 'previous', 'direction', 'owner', 'comment']);
    expect(result.rows[0]!.input).toEqual({ name: '粗利', unit: '円', target: 1200, actual: 1100, previous: -5, direction: 'higher_is_better', owner: '佐藤' });
  });

  it('reads every Japanese number format in the cells', () => {
    const result = parseKpiPaste(
      tsv(
        ['Name', 'Target', 'Actual', 'Previous'],
        ['a', '1,234', '12.5%', '¥1,200'],
        ['b', '￥1,200', '１２３', '▲5'],
        ['c', '△5', '1.2万', '3千'],
        ['d', '', '-', 'N/A'],
      ),
    );
    expect(result.ok).toBe(true);
    expect(result.rows.map((r) => [r.input.target, r.input.actual, r.input.previous])).toEqual([
      [1234, 12.5, 1200],
      [1200, 123, -5],
      [-5, 12000, 3000],
      [null, null, null],
    ]);
  });

  it('takes a unit from the numbers when the row has none, unless they disagree', () => {
    const result = parseKpiPaste(tsv(['Name', 'Target', 'Actual'], ['CVR', '3%', '2.5%'], ['Mixed', '¥10', '10%'], ['Plain', '1', '2']));
    expect(result.rows.map((r) => r.input.unit)).toEqual(['%', undefined, undefined]);
  });

  it('skips blank lines but keeps the line numbers of the text', () => {
    const result = parseKpiPaste('\n売上\t\t100\n\n\n解約率\t%\tabc\n');
    expect(result.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(result.problems).toEqual([expect.objectContaining({ line: 5, code: 'not_a_number', column: 'target', value: 'abc' })]);
  });

  it('reports every bad row with its line and reason, and is not ok', () => {
    const result = parseKpiPaste(
      tsv(
        ['指標', '目標', '実績', '方向'],
        ['売上', '100', '98', '高'],
        ['', '5', '4', ''],
        ['解約率', '2', '#DIV/0!', ''],
        ['NPS', 'forty', '35', ''],
        ['CVR', '3', '2', 'sideways'],
        ['売上', '1', '2', ''],
      ),
    );
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.line, p.code, p.column ?? null])).toEqual([
      [3, 'empty_name', 'name'],
      [4, 'spreadsheet_error', 'actual'],
      [5, 'not_a_number', 'target'],
      [6, 'unknown_direction', 'direction'],
      [7, 'duplicate_name', 'name'],
    ]);
    expect(result.problems[4]).toMatchObject({ firstLine: 2, message: 'line 7: "売上" is already on line 2' });
    expect(result.problems[2]!.message).toBe('line 5: target "forty" is not a number');
    // The good rows are still read (for the preview).
    expect(result.rows).toHaveLength(6);
  });

  it('refuses a header without a name column', () => {
    const result = parseKpiPaste(tsv(['Target', 'Actual'], ['1', '2']));
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ line: 1, code: 'no_name_column' })]);
  });

  it('refuses a number where a headerless paste expects the unit', () => {
    const result = parseKpiPaste(tsv(['Revenue', '1200', '1500']));
    expect(result.problems).toEqual([expect.objectContaining({ line: 1, code: 'unit_is_number', value: '1200' })]);
  });

  it('keeps a quoted comment with a line break as one cell, and counts lines from the row start', () => {
    const result = parseKpiPaste('Name\tComment\nA\t"first\nsecond"\nB\tok\nC\t');
    expect(result.rows.map((r) => [r.line, r.input.comment])).toEqual([
      [2, 'first\nsecond'],
      [4, 'ok'],
      [5, undefined],
    ]);
  });

  it('is empty and not ok for blank input, or a header alone', () => {
    expect(parseKpiPaste('  \n\t\n')).toMatchObject({ ok: false, rows: [], problems: [] });
    expect(parseKpiPaste('Name\tTarget\n')).toMatchObject({ ok: false, rows: [], problems: [], header: true });
  });

  it('caps the number of rows', () => {
    const many = Array.from({ length: 501 }, (_, i) => `KPI ${i}\t\t${i}`).join('\n');
    const result = parseKpiPaste(many);
    expect(result.rows).toHaveLength(500);
    expect(result.problems).toEqual([expect.objectContaining({ line: 501, code: 'too_many_rows' })]);
  });

  it('compares names loosely for duplicates', () => {
    expect(kpiNameKey(' ＮＰＳ  score ')).toBe(kpiNameKey('nps score'));
  });
});
