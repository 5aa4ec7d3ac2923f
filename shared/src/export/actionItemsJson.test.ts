import { describe, expect, it } from 'vitest';
import { ACTION_ITEMS_JSON_FORMAT, ACTION_ITEMS_JSON_VERSION, formatActionItemsJson, type ActionItemsJsonV1 } from './actionItemsJson';
import { FORMULA_TITLES, SAMPLE_MEETING_URL_BASE, SAMPLE_OWNER_EMAILS, sampleMeeting } from './fixtures/sampleMeeting';

describe('formatActionItemsJson', () => {
  const text = formatActionItemsJson(sampleMeeting(), {
    meetingUrlBase: `${SAMPLE_MEETING_URL_BASE}/`,
    ownerEmails: SAMPLE_OWNER_EMAILS,
    now: new Date('2025-07-01T03:00:00Z'),
  });
  const doc = JSON.parse(text) as ActionItemsJsonV1;

  it('is a versioned document with the meeting and a link back to it', () => {
    expect(text.endsWith('}\n')).toBe(true);
    expect(doc.format).toBe(ACTION_ITEMS_JSON_FORMAT);
    expect(doc.version).toBe(ACTION_ITEMS_JSON_VERSION);
    expect(doc.exportedAt).toBe('2025-07-01T03:00:00.000Z');
    expect(doc.meeting).toEqual({
      id: 'mtg-2025-07-01',
      title: '週次定例, "営業×プロダクト"',
      url: 'https://suishin.example.co.jp/meetings/mtg-2025-07-01',
      status: 'ended',
      language: 'ja',
      scheduledStart: '2025-07-01T10:00:00+09:00',
      startedAt: '2025-07-01T01:02:00.000Z',
      endedAt: '2025-07-01T02:05:00.000Z',
    });
  });

  it('carries every action item, dropped ones too, with text exactly as typed', () => {
    expect(doc.actionItems.map((a) => [a.id, a.title, a.status, a.dueDate, a.owner.email])).toEqual([
      ['a1', FORMULA_TITLES.hyperlink, 'open', '2025-07-15', 'yamada@example.co.jp'],
      ['a2', FORMULA_TITLES.phone, 'in_progress', '2025-07-31', 'sato@example.co.jp'],
      ['a3', FORMULA_TITLES.minusOne, 'open', null, null],
      ['a4', FORMULA_TITLES.tab, 'done', '2025-08-01', null],
      ['a5', '取り下げた宿題', 'dropped', '2025-07-20', 'yamada@example.co.jp'],
    ]);
    expect(doc.actionItems[0]?.link).toEqual({ kind: 'decision', id: 'd1', text: '価格改定を8月1日から実施する, 対象は全プラン' });
    expect(doc.actionItems[3]?.externalRefs).toEqual([
      { tracker: 'jira', key: 'OPS-7', url: 'https://example.atlassian.net/browse/OPS-7' },
    ]);
    expect(doc.actionItems[0]?.createdAt).toBe('2025-07-01T01:31:00.000Z');
  });
});
