import { describe, expect, it } from 'vitest';
import { formatJiraCsv, JIRA_CSV_DATE_FORMAT, jiraCsvImporterConfig } from './csvJira';
import { FORMULA_TITLES, SAMPLE_MEETING_URL_BASE, SAMPLE_OWNER_EMAILS, sampleMeeting } from './fixtures/sampleMeeting';
import { parseCsvDocument } from './fixtures/parseCsv';

const MEETING_URL = 'https://suishin.example.co.jp/meetings/mtg-2025-07-01';

async function exportJira(options: Partial<Parameters<typeof formatJiraCsv>[1]> = {}) {
  return parseCsvDocument(
    formatJiraCsv(sampleMeeting(), { meetingUrlBase: SAMPLE_MEETING_URL_BASE, ownerEmails: SAMPLE_OWNER_EMAILS, ...options }),
  );
}

describe('formatJiraCsv', () => {
  it('writes the columns Jira maps, with Summary and e-mail addresses', async () => {
    const csv = await exportJira();
    expect(csv.hasBom).toBe(true);
    expect(csv.header).toEqual(['Issue Type', 'Summary', 'Description', 'Assignee', 'Due Date', 'Status', 'Labels']);
  });

  it('neutralises formula-like summaries and keeps every other cell exact', async () => {
    const { rows } = await exportJira();
    // The dropped item a5 is not exported.
    expect(rows).toHaveLength(4);
    const [a1, a2, a3, a4] = rows;
    expect(a1?.slice(0, 2)).toEqual(['Task', `'${FORMULA_TITLES.hyperlink}`]);
    expect(a1?.slice(3)).toEqual(['yamada@example.co.jp', '2025-07-15', 'To Do', 'meeting-action']);
    expect(a2?.slice(0, 2)).toEqual(['Task', `'${FORMULA_TITLES.phone}`]);
    expect(a2?.slice(3)).toEqual(['sato@example.co.jp', '2025-07-31', 'In Progress', 'meeting-action']);
    expect(a3?.slice(0, 2)).toEqual(['Task', "'-1"]);
    expect(a3?.slice(3)).toEqual(['', '', 'To Do', 'meeting-action']);
    expect(a4?.slice(0, 2)).toEqual(['Task', `'${FORMULA_TITLES.tab}`]);
    expect(a4?.slice(3)).toEqual(['', '2025-08-01', 'Done', 'meeting-action']);
  });

  it('describes each item with the meeting link, owner, status and linked decision', async () => {
    const { rows } = await exportJira();
    expect(rows[0]?.[2]).toBe(
      [
        '会議: 週次定例, "営業×プロダクト" (2025年7月1日(火) 10:02 日本標準時)',
        MEETING_URL,
        '担当: 山田 太郎（営業部）',
        '状況: 未着手',
        '関連する決定: 価格改定を8月1日から実施する, 対象は全プラン',
      ].join('\n'),
    );
    // Unmapped owner: empty Assignee, name and department in the description.
    expect(rows[2]?.[3]).toBe('');
    expect(rows[2]?.[2]).toContain('担当: @SUM(1+1)（経理部） （トラッカーのユーザーに対応付けられていません）');
  });

  it('adds a Reporter column, several Labels columns and another issue type on request', async () => {
    const csv = await exportJira({
      reporterEmail: 'facilitator@example.co.jp',
      labels: ['meeting action', '週次定例'],
      issueType: 'Retro Action',
      includeDropped: true,
    });
    expect(csv.header).toEqual(['Issue Type', 'Summary', 'Description', 'Assignee', 'Reporter', 'Due Date', 'Status', 'Labels', 'Labels']);
    expect(csv.rows).toHaveLength(5);
    expect(csv.rows[4]).toEqual([
      'Retro Action',
      '取り下げた宿題',
      expect.stringContaining('状況: 取り下げ'),
      'yamada@example.co.jp',
      'facilitator@example.co.jp',
      '2025-07-20',
      'Done',
      'meeting-action',
      '週次定例',
    ]);
  });

  it('writes English descriptions for English meetings', async () => {
    const view = sampleMeeting();
    view.meta.language = 'en';
    const csv = await parseCsvDocument(formatJiraCsv(view, { meetingUrlBase: SAMPLE_MEETING_URL_BASE }));
    expect(csv.rows[0]?.[2]).toBe(
      [
        'Meeting: 週次定例, "営業×プロダクト" (Tue, Jul 1, 2025, 10:02 Japan Standard Time)',
        MEETING_URL,
        'Owner: 山田 太郎 (営業部) (not mapped to a tracker user)',
        'Status: Open',
        'Linked decision: 価格改定を8月1日から実施する, 対象は全プラン',
      ].join('\n'),
    );
  });

  it('documents the importer date format it writes', () => {
    expect(JIRA_CSV_DATE_FORMAT).toBe('yyyy-MM-dd');
    expect(jiraCsvImporterConfig('OPS')).toMatchObject({
      'config.date.format': 'yyyy-MM-dd',
      'config.encoding': 'UTF-8',
      'config.project': { 'project.key': 'OPS' },
    });
  });
});
