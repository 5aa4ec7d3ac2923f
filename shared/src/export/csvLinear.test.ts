import { describe, expect, it } from 'vitest';
import { formatLinearCsv, LINEAR_CSV_IMPORTS_DUE_DATE } from './csvLinear';
import { FORMULA_TITLES, SAMPLE_MEETING_URL_BASE, SAMPLE_OWNER_EMAILS, sampleMeeting } from './fixtures/sampleMeeting';
import { parseCsvDocument } from './fixtures/parseCsv';
import { findFormat } from './formats';

describe('formatLinearCsv', () => {
  it('writes the Linear CSV columns, cell by cell', async () => {
    const csv = await parseCsvDocument(
      formatLinearCsv(sampleMeeting(), { meetingUrlBase: SAMPLE_MEETING_URL_BASE, ownerEmails: SAMPLE_OWNER_EMAILS }),
    );
    expect(csv.hasBom).toBe(true);
    expect(csv.header).toEqual(['Id', 'Title', 'Description', 'Status', 'Priority', 'Assignee', 'Labels']);
    const withoutDescription = csv.rows.map(([id, title, , ...rest]) => [id, title, ...rest]);
    expect(withoutDescription).toEqual([
      ['a1', `'${FORMULA_TITLES.hyperlink}`, 'Todo', 'No priority', 'yamada@example.co.jp', 'meeting-action'],
      ['a2', `'${FORMULA_TITLES.phone}`, 'In Progress', 'No priority', 'sato@example.co.jp', 'meeting-action'],
      ['a3', "'-1", 'Todo', 'No priority', '', 'meeting-action'],
      ['a4', `'${FORMULA_TITLES.tab}`, 'Done', 'No priority', '', 'meeting-action'],
    ]);
  });

  it('puts the due date into the Markdown description, since the importer has no due date', async () => {
    const csv = await parseCsvDocument(formatLinearCsv(sampleMeeting(), { meetingUrlBase: SAMPLE_MEETING_URL_BASE }));
    expect(csv.rows[0]?.[2]).toBe(
      [
        '* **会議:** [週次定例, "営業×プロダクト" (2025年7月1日(火) 10:02 日本標準時)](<https://suishin.example.co.jp/meetings/mtg-2025-07-01>)',
        '* **担当:** 山田 太郎（営業部） （トラッカーのユーザーに対応付けられていません）',
        '* **期限:** 2025-07-15',
        '* **状況:** 未着手',
        '* **関連する決定:** 価格改定を8月1日から実施する, 対象は全プラン',
      ].join('\n'),
    );
    expect(csv.rows[2]?.[2]).toContain('* **期限:** 期限なし');
    expect(LINEAR_CSV_IMPORTS_DUE_DATE).toBe(false);
    expect(findFormat('linear-csv')?.carriesDueDate).toBe(false);
  });

  it('joins labels with ", " and keeps commas out of label names', async () => {
    const csv = await parseCsvDocument(
      formatLinearCsv(sampleMeeting(), { meetingUrlBase: SAMPLE_MEETING_URL_BASE, labels: ['meeting', 'a, b'] }),
    );
    expect(csv.rows[0]?.[6]).toBe('meeting, a b');
  });
});
