import { describe, expect, it } from 'vitest';
import { agendaLinesText, attendeeLinesText, parseAgendaLines, parseAttendeeLines, parseDepartments } from './agendaText';

describe('usual agenda lines', () => {
  it('reads titles with optional timeboxes, full-width too', () => {
    expect(parseAgendaLines('KPIレビュー | 15\n\n前回のアクション｜１０\nその他')).toEqual([
      { title: 'KPIレビュー', presenter: '', timeboxMinutes: 15 },
      { title: '前回のアクション', presenter: '', timeboxMinutes: 10 },
      { title: 'その他', presenter: '', timeboxMinutes: 10 },
    ]);
  });
  it('keeps the title as typed: full-width brackets and colons are not narrowed', () => {
    expect(parseAgendaLines('KPIの確認（報告のみ）｜１０\n議題：価格')).toEqual([
      { title: 'KPIの確認（報告のみ）', presenter: '', timeboxMinutes: 10 },
      { title: '議題：価格', presenter: '', timeboxMinutes: 10 },
    ]);
  });
  it('keeps a bar that is part of the title', () => {
    expect(parseAgendaLines('A | B')).toEqual([{ title: 'A | B', presenter: '', timeboxMinutes: 10 }]);
  });
  it('splits departments on any comma', () => {
    expect(parseDepartments('営業部、製品部, 営業部，CS')).toEqual(['営業部', '製品部', 'CS']);
  });
  it('writes the usual agenda back as the lines it reads', () => {
    const items = parseAgendaLines('KPIレビュー | 15\nその他');
    expect(parseAgendaLines(agendaLinesText(items))).toEqual(items);
  });
});

describe('usual attendee lines', () => {
  it('reads "name / department", full-width slashes too, once each', () => {
    expect(parseAttendeeLines('佐藤 / 営業\n\n田中／製品\nKim\n佐藤 / 営業')).toEqual([
      { name: '佐藤', department: '営業' },
      { name: '田中', department: '製品' },
      { name: 'Kim', department: '' },
    ]);
    const people = parseAttendeeLines('佐藤 / 営業\nKim');
    expect(parseAttendeeLines(attendeeLinesText(people))).toEqual(people);
  });
});
