import { describe, expect, it } from 'vitest';
import { parseAgendaLines, parseDepartments } from './agendaText';

describe('usual agenda lines', () => {
  it('reads titles with optional timeboxes, full-width too', () => {
    expect(parseAgendaLines('KPIレビュー | 15\n\n前回のアクション｜１０\nその他')).toEqual([
      { title: 'KPIレビュー', presenter: '', timeboxMinutes: 15 },
      { title: '前回のアクション', presenter: '', timeboxMinutes: 10 },
      { title: 'その他', presenter: '', timeboxMinutes: 10 },
    ]);
  });
  it('keeps a bar that is part of the title', () => {
    expect(parseAgendaLines('A | B')).toEqual([{ title: 'A | B', presenter: '', timeboxMinutes: 10 }]);
  });
  it('splits departments on any comma', () => {
    expect(parseDepartments('営業部、製品部, 営業部，CS')).toEqual(['営業部', '製品部', 'CS']);
  });
});
