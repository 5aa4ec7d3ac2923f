import { describe, expect, it } from 'vitest';
import { neutralizeCell, toCsv, UTF8_BOM } from './csv';
import { parseCsvDocument } from './fixtures/parseCsv';

describe('neutralizeCell (OWASP CSV injection)', () => {
  it.each(['=1+2', '+81 3', '-1', '@SUM(A1)', '\tx', '\rx', '\nx'])('prefixes %j with an apostrophe', (cell) => {
    expect(neutralizeCell(cell)).toBe(`'${cell}`);
  });

  it.each(['', 'plain', '1-2', 'a=b', "'already", '＝全角', ' =leading space', '宿題'])('leaves %j alone', (cell) => {
    expect(neutralizeCell(cell)).toBe(cell);
  });
});

describe('toCsv (RFC 4180)', () => {
  it('quotes every field, doubles quotes, ends every record with CRLF and starts with a BOM', () => {
    const text = toCsv(['a', 'b'], [['x,y', 'say "hi"'], ['line\nbreak', '']]);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text.slice(1)).toBe('"a","b"\r\n"x,y","say ""hi"""\r\n"line\nbreak",""\r\n');
  });

  it('round-trips hostile cells through a real parser, neutralised', async () => {
    const cells = ['=1+2";=1+2', '日本語, "引用"\r\n改行', '-1', '@SUM(A1:A2)', '\tタブ', ';semi;', '"', ''];
    const parsed = await parseCsvDocument(toCsv(['v'], cells.map((c) => [c])));
    expect(parsed.hasBom).toBe(true);
    expect(parsed.header).toEqual(['v']);
    expect(parsed.rows.map((r) => r[0])).toEqual(cells.map(neutralizeCell));
    expect(parsed.rows[0]).toEqual([`'=1+2";=1+2`]);
  });

  it('can leave the BOM out', () => {
    expect(toCsv(['a'], [], { bom: false })).toBe('"a"\r\n');
  });

  it('refuses a row whose length differs from the header', () => {
    expect(() => toCsv(['a', 'b'], [['only one']])).toThrow(/1 cells but the header has 2/);
  });
});
