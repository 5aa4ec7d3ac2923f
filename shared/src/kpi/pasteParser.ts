import type { KpiDirection } from '../schema/records';
import { parseKpiNumber } from './kpiNumber';

/**
 * Rows copied from a spreadsheet (Excel, Google Sheets, Numbers: tab-separated text) read as KPI
 * rows. Pure; the client previews with it and the server can reuse it for imports.
 *
 * - Columns: with a header row, by the header names in Japanese or English (指標/KPI/名前/Name,
 *   単位/Unit, 目標/Target, 実績/Actual, 前回/Previous, 方向/Direction, 担当/Owner,
 *   コメント/Comment and a few synonyms, see HEADER_ALIASES); unknown columns are ignored and
 *   reported. Without one, by position in that order. A first row is a header when at least two
 *   of its cells are header names.
 * - Cells: numbers as `parseKpiNumber` reads them ("1,234", "12.5%", "¥1,200", "１２３", "▲5",
 *   "1.2万"); empty cells are null (numbers) or absent (text). A unit written with the numbers
 *   ("12.5%") becomes the row's unit when it has none.
 * - Quoted cells as spreadsheets write them (a cell with a tab, newline or quote is wrapped in
 *   quotes, quotes doubled), so a comment with a line break stays one cell.
 * - Every bad row is reported with its line in the pasted text (1-based, where the row starts)
 *   and a reason code; a caller applies the rows only when there are none.
 */
export const KPI_PASTE_COLUMNS = ['name', 'unit', 'target', 'actual', 'previous', 'direction', 'owner', 'comment'] as const;
export type KpiPasteColumn = (typeof KPI_PASTE_COLUMNS)[number];

/** One KPI read from a row: only the columns the paste has (a missing column is absent, not null). */
export interface KpiPasteInput {
  name: string;
  unit?: string;
  target?: number | null;
  actual?: number | null;
  previous?: number | null;
  direction?: KpiDirection;
  owner?: string;
  comment?: string;
}

export interface KpiPasteRow {
  /** Line in the pasted text where the row starts (1-based). */
  line: number;
  input: KpiPasteInput;
}

export type KpiPasteErrorCode =
  | 'empty_name'
  | 'not_a_number'
  | 'spreadsheet_error'
  | 'unknown_direction'
  | 'unit_is_number'
  | 'too_long'
  | 'duplicate_name'
  | 'no_name_column'
  | 'too_many_rows';

export interface KpiPasteProblem {
  line: number;
  code: KpiPasteErrorCode;
  column?: KpiPasteColumn;
  /** The offending cell as pasted. */
  value?: string;
  /** For duplicate_name: the line where the name first appeared. */
  firstLine?: number;
  /** English, for logs and API responses; the UI words it from `code`. */
  message: string;
}

export interface KpiPasteResult {
  /** Rows read, including those with problems (for a preview), in pasted order. */
  rows: KpiPasteRow[];
  problems: KpiPasteProblem[];
  /** Whether the first row was taken as a header. */
  header: boolean;
  /** The KPI column of each pasted column (null: ignored). */
  columns: Array<KpiPasteColumn | null>;
  /** Header cells that matched no column (ignored). */
  ignoredHeaders: string[];
  /** True when there is at least one row and no problem: safe to apply. */
  ok: boolean;
}

export const MAX_PASTE_ROWS = 500;
const MAX_SHORT = 500;
const MAX_LONG = 10_000;

/** Header names per column, compared after `normalizeHeader` (NFKC, lower case, no spaces or brackets). */
export const HEADER_ALIASES: Record<KpiPasteColumn, readonly string[]> = {
  name: ['kpi', 'kpi名', '指標', '指標名', '名前', '名称', '項目', '項目名', 'name', 'kpiname', 'metric', 'indicator'],
  unit: ['単位', 'unit', 'units'],
  target: ['目標', '目標値', '計画', '計画値', 'target', 'goal', 'plan'],
  actual: ['実績', '実績値', '今回', '今回値', '結果', 'actual', 'actuals', 'result', 'current'],
  previous: ['前回', '前回値', '前月', '前週', '前期', '前年', 'previous', 'prev', 'last', 'lasttime', 'prior'],
  direction: ['方向', '良い方向', '評価方向', '向き', 'direction', 'betterwhen', 'good'],
  owner: ['担当', '担当者', '責任者', 'オーナー', 'owner', 'responsible', 'assignee'],
  comment: ['コメント', '備考', 'メモ', '所感', 'comment', 'comments', 'note', 'notes', 'remarks'],
};

const DIRECTION_WORDS: Record<KpiDirection, readonly string[]> = {
  higher_is_better: [
    'higher', 'high', 'up', '↑', '⬆', '+', 'higherisbetter', 'higher_is_better', 'max', 'maximize', 'increase',
    '高', '高い', '高いほど良い', '高いほうが良い', '高い方が良い', '大', '大きいほど良い', '大きい方が良い', '上', '上昇', '増', '増加', 'プラス',
  ],
  lower_is_better: [
    'lower', 'low', 'down', '↓', '⬇', 'lowerisbetter', 'lower_is_better', 'min', 'minimize', 'decrease',
    '低', '低い', '低いほど良い', '低いほうが良い', '低い方が良い', '小', '小さいほど良い', '小さい方が良い', '下', '下降', '減', '減少', 'マイナス',
  ],
};

const NUMBER_COLUMNS = ['target', 'actual', 'previous'] as const;

export function normalizeHeader(cell: string): string {
  return cell
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[([【].*?[)\]】]/g, '') // "目標(円)", "Target [%]"
    .replace(/[\s:：*＊]/g, '');
}

/** How two KPI names compare: same after NFKC, trimming, collapsing spaces and ignoring case. */
export function kpiNameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function headerColumn(cell: string): KpiPasteColumn | null {
  const key = normalizeHeader(cell);
  if (key === '') return null;
  for (const column of KPI_PASTE_COLUMNS) if (HEADER_ALIASES[column].includes(key)) return column;
  return null;
}

function readDirection(cell: string): KpiDirection | null | 'unknown' {
  const key = cell.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  if (key === '' || key === '-') return null;
  for (const direction of ['higher_is_better', 'lower_is_better'] as const) {
    if (DIRECTION_WORDS[direction].includes(key)) return direction;
  }
  return 'unknown';
}

export interface TsvRecord {
  /** Line where the record starts (1-based). */
  line: number;
  cells: string[];
}

/**
 * Splits tab-separated text into records of cells. A cell that starts with a quote and whose
 * closing quote is followed by a tab, a line break or the end is a quoted cell ("" is a quote,
 * line breaks stay in the cell); any other quote is literal text.
 */
export function splitTsv(text: string): TsvRecord[] {
  const records: TsvRecord[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  let recordLine = 1;
  let cells: string[] = [];
  for (;;) {
    const quoted = text[i] === '"' ? readQuotedCell(text, i) : null;
    if (quoted) {
      cells.push(quoted.value);
      line += quoted.newlines;
      i = quoted.end;
    } else {
      let j = i;
      while (j < n && text[j] !== '\t' && text[j] !== '\n' && text[j] !== '\r') j += 1;
      cells.push(text.slice(i, j));
      i = j;
    }
    if (i >= n) {
      records.push({ line: recordLine, cells });
      return records;
    }
    if (text[i] === '\t') {
      i += 1;
      continue;
    }
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    line += 1;
    records.push({ line: recordLine, cells });
    cells = [];
    recordLine = line;
  }
}

function readQuotedCell(text: string, start: number): { value: string; end: number; newlines: number } | null {
  let value = '';
  let newlines = 0;
  for (let j = start + 1; j < text.length; ) {
    const ch = text[j]!;
    if (ch === '"') {
      if (text[j + 1] === '"') {
        value += '"';
        j += 2;
        continue;
      }
      const next = text[j + 1];
      if (next === undefined || next === '\t' || next === '\n' || next === '\r') {
        return { value: value.replace(/\r\n?/g, '\n'), end: j + 1, newlines };
      }
      return null; // text after the closing quote: not a quoted cell
    }
    if (ch === '\n' || (ch === '\r' && text[j + 1] !== '\n')) newlines += 1;
    value += ch;
    j += 1;
  }
  return null; // never closed
}

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

const MESSAGES: Record<KpiPasteErrorCode, (p: KpiPasteProblem) => string> = {
  empty_name: (p) => `line ${p.line}: the KPI name is empty`,
  not_a_number: (p) => `line ${p.line}: ${p.column} "${p.value}" is not a number`,
  spreadsheet_error: (p) => `line ${p.line}: ${p.column} is a spreadsheet error (${p.value})`,
  unknown_direction: (p) => `line ${p.line}: direction "${p.value}" is neither higher nor lower is better`,
  unit_is_number: (p) => `line ${p.line}: the unit "${p.value}" is a number; add a header row or a unit column`,
  too_long: (p) => `line ${p.line}: ${p.column} is too long`,
  duplicate_name: (p) => `line ${p.line}: "${p.value}" is already on line ${p.firstLine}`,
  no_name_column: (p) => `line ${p.line}: the header has no KPI name column`,
  too_many_rows: (p) => `line ${p.line}: more than ${MAX_PASTE_ROWS} rows`,
};

function problem(p: Omit<KpiPasteProblem, 'message'>): KpiPasteProblem {
  const full = { ...p, message: '' };
  full.message = MESSAGES[p.code](full);
  return full;
}

export function parseKpiPaste(text: string): KpiPasteResult {
  const records = splitTsv(text.replace(/^\uFEFF/, '')).filter((r) => !isBlank(r.cells));
  const problems: KpiPasteProblem[] = [];
  const rows: KpiPasteRow[] = [];
  if (records.length === 0) return { rows, problems, header: false, columns: [], ignoredHeaders: [], ok: false };

  const first = records[0]!;
  const headerColumns = first.cells.map(headerColumn);
  const header = headerColumns.filter((c) => c !== null).length >= 2;
  let columns: Array<KpiPasteColumn | null>;
  const ignoredHeaders: string[] = [];
  if (header) {
    const seen = new Set<KpiPasteColumn>();
    columns = headerColumns.map((column, index) => {
      const cell = first.cells[index]!.trim();
      if (column === null || seen.has(column)) {
        if (cell !== '') ignoredHeaders.push(cell);
        return null;
      }
      seen.add(column);
      return column;
    });
    if (!seen.has('name')) {
      problems.push(problem({ line: first.line, code: 'no_name_column' }));
      return { rows, problems, header, columns, ignoredHeaders, ok: false };
    }
  } else {
    columns = [...KPI_PASTE_COLUMNS];
  }

  const data = header ? records.slice(1) : records;
  const firstLineOf = new Map<string, number>();
  data.forEach((record, index) => {
    if (index === MAX_PASTE_ROWS) problems.push(problem({ line: record.line, code: 'too_many_rows' }));
    if (index >= MAX_PASTE_ROWS) return;
    const { row, rowProblems } = readRow(record, columns, header);
    rows.push(row);
    problems.push(...rowProblems);
    if (row.input.name !== '') {
      const key = kpiNameKey(row.input.name);
      const firstLine = firstLineOf.get(key);
      if (firstLine === undefined) firstLineOf.set(key, record.line);
      else problems.push(problem({ line: record.line, code: 'duplicate_name', column: 'name', value: row.input.name, firstLine }));
    }
  });
  problems.sort((a, b) => a.line - b.line);
  return { rows, problems, header, columns, ignoredHeaders, ok: rows.length > 0 && problems.length === 0 };
}

function readRow(record: TsvRecord, columns: ReadonlyArray<KpiPasteColumn | null>, header: boolean) {
  const rowProblems: KpiPasteProblem[] = [];
  const input: KpiPasteInput = { name: '' };
  const unitHints = new Set<string>();
  const { line } = record;
  columns.forEach((column, index) => {
    if (column === null) return;
    const raw = record.cells[index] ?? '';
    const cell = raw.trim();
    switch (column) {
      case 'name':
        input.name = cell.replace(/\s+/g, ' ');
        if (input.name === '') rowProblems.push(problem({ line, code: 'empty_name', column }));
        else if (input.name.length > MAX_SHORT) rowProblems.push(problem({ line, code: 'too_long', column }));
        break;
      case 'unit':
      case 'owner':
        if (cell === '') break;
        if (cell.length > MAX_SHORT) rowProblems.push(problem({ line, code: 'too_long', column }));
        if (column === 'unit' && !header) {
          const asNumber = parseKpiNumber(cell);
          if (asNumber.ok && asNumber.value !== null && asNumber.unit === null) {
            rowProblems.push(problem({ line, code: 'unit_is_number', column, value: cell }));
          }
        }
        input[column] = cell;
        break;
      case 'comment':
        if (cell === '') break;
        if (raw.length > MAX_LONG) rowProblems.push(problem({ line, code: 'too_long', column }));
        input.comment = cell;
        break;
      case 'direction': {
        const direction = readDirection(cell);
        if (direction === 'unknown') rowProblems.push(problem({ line, code: 'unknown_direction', column, value: cell }));
        else if (direction !== null) input.direction = direction;
        break;
      }
      default: {
        const result = parseKpiNumber(cell);
        if (!result.ok) {
          rowProblems.push(problem({ line, code: result.reason, column, value: cell }));
          input[column] = null;
        } else {
          input[column] = result.value;
          if (result.unit !== null) unitHints.add(result.unit);
        }
      }
    }
  });
  // A column missing from a short row is an empty cell, not an absent column.
  for (const column of NUMBER_COLUMNS) {
    if (columns.includes(column) && !(column in input)) input[column] = null;
  }
  if (input.unit === undefined && unitHints.size === 1) input.unit = [...unitHints][0]!;
  return { row: { line, input }, rowProblems };
}
