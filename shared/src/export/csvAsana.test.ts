import { describe, expect, it } from 'vitest';
import { asanaDate, formatAsanaCsv } from './csvAsana';
import { FORMULA_TITLES, SAMPLE_MEETING_URL_BASE, SAMPLE_OWNER_EMAILS, sampleMeeting } from './fixtures/sampleMeeting';
import { parseCsvDocument } from './fixtures/parseCsv';

describe('formatAsanaCsv', () => {
  it('puts the task name first and dates as mm/dd/yyyy, cell by cell', async () => {
    const csv = await parseCsvDocument(
      formatAsanaCsv(sampleMeeting(), { meetingUrlBase: SAMPLE_MEETING_URL_BASE, ownerEmails: SAMPLE_OWNER_EMAILS }),
    );
    expect(csv.hasBom).toBe(true);
    expect(csv.header).toEqual(['Name', 'Description', 'Section', 'Assignee', 'Due Date']);
    const section = '週次定例, "営業×プロダクト"';
    const rows = csv.rows.map(([name, description, ...rest]) => [name, description?.split('\n')[2], ...rest]);
    expect(rows).toEqual([
      [`'${FORMULA_TITLES.hyperlink}`, '担当: 山田 太郎（営業部）', section, 'yamada@example.co.jp', '07/15/2025'],
      [`'${FORMULA_TITLES.phone}`, '担当: 佐藤 花子（プロダクト部）', section, 'sato@example.co.jp', '07/31/2025'],
      ["'-1", '担当: @SUM(1+1)（経理部） （トラッカーのユーザーに対応付けられていません）', section, '', ''],
      [`'${FORMULA_TITLES.tab}`, '担当: 鈴木 一郎（経理部） （トラッカーのユーザーに対応付けられていません）', section, '', '08/01/2025'],
    ]);
    expect(csv.rows[0]?.[1]).toContain('https://suishin.example.co.jp/meetings/mtg-2025-07-01');
  });

  it('uses the given section, or none', async () => {
    const named = await parseCsvDocument(formatAsanaCsv(sampleMeeting(), { meetingUrlBase: 'https://x.example', section: '=宿題' }));
    expect(named.rows.map((r) => r[2])).toEqual(["'=宿題", "'=宿題", "'=宿題", "'=宿題"]);
    const none = await parseCsvDocument(formatAsanaCsv(sampleMeeting(), { meetingUrlBase: 'https://x.example', section: null }));
    expect(none.rows.every((r) => r[2] === '')).toBe(true);
  });

  it('converts only real dates', () => {
    expect(asanaDate('2025-02-28')).toBe('02/28/2025');
    expect(asanaDate('2025-02-30')).toBe('');
    expect(asanaDate('next week')).toBe('');
  });
});
