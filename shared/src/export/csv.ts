/**
 * CSV as RFC 4180 writes it, for files that trackers import and that people open in Excel.
 *
 * Written by hand on purpose. We quote EVERY field (OWASP's CSV-injection advice), and with
 * that RFC 4180 writing shrinks to one rule: wrap the field in double quotes and double the quotes
 * inside it. CRLF ends a record, and the fields are joined by commas. The well-kept writers
 * (papaparse's unparse, csv-stringify) add nothing to that one rule. They would also bring in
 * @types/node (both of their typings reference it), which would type-check Node globals inside
 * shared/, a package that must not use them. The writer is checked by parsing its output back
 * with a real parser (csv-parse) in the tests.
 *
 * Formula injection (OWASP "CSV Injection", CWE-1236): a cell that begins with =, +, -, @, tab,
 * CR or LF gets a leading apostrophe, so Excel, LibreOffice and Google Sheets show it as text
 * and never evaluate it. Because every cell is quoted, an embedded comma, semicolon or quote
 * cannot split a cell, so no dangerous character can become the start of another cell.
 * Linear's CSV importer strips that apostrophe again before + - = @ (stripLeadingSingleQuote in
 * its LinearCsvImporter); Jira and Asana keep it, so such a title arrives as "'=…". We accept
 * that, because the same file is also opened in spreadsheets.
 */

/** Characters a spreadsheet treats as the start of a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** The UTF-8 byte-order mark; Excel needs it to read Japanese text in a CSV as UTF-8. */
export const UTF8_BOM = '\uFEFF';

export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';

/** A cell as text that no spreadsheet will evaluate. */
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export interface CsvOptions {
  /** Start with a UTF-8 BOM (default true, so Japanese Excel opens the file correctly). */
  bom?: boolean;
}

/**
 * Header and rows as a CSV document: every cell neutralised, then quoted; CRLF after every
 * record, including the last (RFC 4180 §2.1–2.2); an optional BOM first.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[], options: CsvOptions = {}): string {
  for (const row of rows) {
    if (row.length !== header.length) {
      // Jira's importer rejects rows with missing separators; never write one.
      throw new Error(`CSV row has ${row.length} cells but the header has ${header.length}`);
    }
  }
  const records = [header, ...rows].map((cells) => cells.map((cell) => quote(neutralizeCell(cell))).join(','));
  return (options.bom === false ? '' : UTF8_BOM) + records.map((record) => `${record}\r\n`).join('');
}

function quote(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}
