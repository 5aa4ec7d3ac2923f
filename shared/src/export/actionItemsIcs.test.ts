import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { actionItemUid, escapeIcsText, foldIcsLine, formatActionItemsIcs } from './actionItemsIcs';
import { FORMULA_TITLES, SAMPLE_MEETING_URL_BASE, sampleMeeting } from './fixtures/sampleMeeting';

const options = { meetingUrlBase: SAMPLE_MEETING_URL_BASE, now: new Date('2025-07-01T03:00:00Z') };

function parseEvents(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate,
      end: event.endDate,
      status: String(vevent.getFirstPropertyValue('status')),
      url: String(vevent.getFirstPropertyValue('url')),
      stamp: String(vevent.getFirstPropertyValue('dtstamp')),
    };
  });
}

/** UTF-8 octets of a string (shared has neither Buffer nor TextEncoder in its types). */
function octets(text: string): number {
  let n = 0;
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

describe('formatActionItemsIcs', () => {
  it('parses back with ical.js: one all-day event per dated action item', () => {
    const events = parseEvents(formatActionItemsIcs(sampleMeeting(), options));
    // a3 has no due date; a5 (dropped) stays, cancelled, so a re-import removes it.
    expect(events.map((e) => e.uid)).toEqual(
      ['a1', 'a2', 'a4', 'a5'].map((id) => actionItemUid('mtg-2025-07-01', id)),
    );
    expect(events.map((e) => [e.start.isDate, e.start.toString(), e.end.toString()])).toEqual([
      [true, '2025-07-15', '2025-07-16'],
      [true, '2025-07-31', '2025-08-01'],
      [true, '2025-08-01', '2025-08-02'],
      [true, '2025-07-20', '2025-07-21'],
    ]);
    expect(events.map((e) => e.summary)).toEqual([
      `宿題: ${FORMULA_TITLES.hyperlink}（山田 太郎）`,
      `宿題: ${FORMULA_TITLES.phone}（佐藤 花子）`,
      `[完了] 宿題: ${FORMULA_TITLES.tab}（鈴木 一郎）`,
      '宿題: 取り下げた宿題（山田 太郎）',
    ]);
    expect(events.map((e) => e.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'CANCELLED']);
    expect(events[0]?.url).toBe('https://suishin.example.co.jp/meetings/mtg-2025-07-01');
    expect(events[0]?.stamp).toBe('2025-07-01T03:00:00Z');
    expect(events[0]?.description).toBe(
      [
        '会議: 週次定例, "営業×プロダクト" (2025年7月1日(火) 10:02 日本標準時)',
        'https://suishin.example.co.jp/meetings/mtg-2025-07-01',
        '担当: 山田 太郎（営業部）',
        '状況: 未着手',
        '関連する決定: 価格改定を8月1日から実施する, 対象は全プラン',
      ].join('\n'),
    );
  });

  it('keeps UIDs stable across exports, so a re-import updates instead of duplicating', () => {
    const first = parseEvents(formatActionItemsIcs(sampleMeeting(), options));
    const changed = sampleMeeting();
    changed.actionItems[0]!.title = '見積もりを再提出';
    changed.actionItems.reverse();
    const second = parseEvents(formatActionItemsIcs(changed, { ...options, now: new Date('2025-07-02T00:00:00Z') }));
    expect(new Set(second.map((e) => e.uid))).toEqual(new Set(first.map((e) => e.uid)));
    expect(second.find((e) => e.uid === first[0]?.uid)?.summary).toBe('宿題: 見積もりを再提出（山田 太郎）');
    expect(actionItemUid('m;1', 'a,2')).toBe(actionItemUid('m;1', 'a,2'));
    expect(actionItemUid('m1', 'a2')).not.toBe(actionItemUid('m2', 'a2'));
  });

  it('folds every line to at most 75 octets without splitting a character, with CRLF endings', () => {
    const view = sampleMeeting();
    view.actionItems[0]!.title = '🎯絵文字と日本語がとても長い宿題の件名、'.repeat(6) + 'é';
    const text = formatActionItemsIcs(view, options);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    expect(parseEvents(text)[0]?.summary).toBe(`宿題: ${view.actionItems[0]!.title}（山田 太郎）`);
  });

  it('writes English summaries for English meetings', () => {
    const view = sampleMeeting();
    view.meta.language = 'en';
    expect(parseEvents(formatActionItemsIcs(view, options))[0]?.summary).toBe(
      `Action item: ${FORMULA_TITLES.hyperlink} (山田 太郎)`,
    );
  });
});

describe('ICS text helpers', () => {
  it('escapes backslash, semicolon, comma and line breaks, and drops other controls', () => {
    expect(escapeIcsText('a\\b;c,d\r\ne\nf\rg\u0001h\ti')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng' + 'h\ti');
  });

  it('folds at 75 octets counting multi-byte characters', () => {
    const line = `SUMMARY:${'あ'.repeat(40)}`;
    const parts = foldIcsLine(line).split('\r\n');
    expect(parts[0]).toBe(`SUMMARY:${'あ'.repeat(22)}`); // 8 + 66 = 74; one more would be 77
    expect(parts.slice(1).every((p) => p.startsWith(' ') && octets(p) <= 75)).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldIcsLine('SHORT:x')).toBe('SHORT:x');
  });
});
