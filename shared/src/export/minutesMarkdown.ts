import type { MeetingView } from '../view/meetingView';
import { isWebUrl } from './exportOptions';
import { escapeMarkdownBlock, escapeMarkdownCell, escapeMarkdownInline, markdownLink } from './markdownText';
import { buildMinutesContent, trackerName, type MinutesOptions } from './minutesContent';

export const MARKDOWN_MEDIA_TYPE = 'text/markdown; charset=utf-8';

/**
 * The minutes as Markdown (CommonMark + GFM tables) in the meeting's language. In Japanese the
 * usual 議事録 layout: 日時, 場所, 出席者/欠席者, then 議題 (notes, planned vs actual time), KPI,
 * 決定事項, 宿題, 次回予定, and 備考 for closing-checklist overrides. Every user string is escaped
 * (see markdownText), so no title, name or note can add a heading, link, table cell or HTML.
 */
export function formatMinutesMarkdown(view: MeetingView, options: MinutesOptions): string {
  const m = buildMinutesContent(view, options);
  const { labels } = m;
  const text = escapeMarkdownInline;
  const out: string[] = [];
  const bold = (label: string) => `**${text(label)}:**`;

  out.push(`# ${text(labels.minutesTitle)}: ${text(m.title)}`, '');
  for (const field of m.header) {
    const value = field.url && isWebUrl(field.url) ? markdownLink(field.value, field.url) : text(field.value);
    out.push(`- ${bold(field.label)} ${value}`);
  }
  out.push('');

  out.push(`## ${text(labels.agenda)}`, '');
  if (m.agenda.length === 0) out.push(text(labels.none), '');
  for (const item of m.agenda) {
    out.push(`### ${item.number}. ${text(item.title)}`, '');
    if (item.presenter.trim()) out.push(`- ${bold(labels.presenter)} ${text(item.presenter)}`);
    const overrun = item.overrun ? ` (${text(labels.overrun)} +${text(item.overrun)})` : '';
    out.push(`- ${bold(labels.plannedTime)} ${text(item.planned)} / ${bold(labels.actualTime)} ${text(item.actual)}${overrun}`);
    out.push(`- ${bold(labels.status)} ${text(item.status)}`, '');
    if (item.notes.trim()) out.push(escapeMarkdownBlock(item.notes), '');
  }

  out.push(`## ${text(labels.kpis)}`, '');
  if (m.kpis.length === 0) out.push(text(labels.none), '');
  else {
    out.push(
      ...table(
        [labels.kpiName, labels.target, labels.actual, labels.previous, labels.change, labels.status, labels.owner, labels.comment, labels.countermeasure],
        m.kpis.map((k) => [k.name, k.target, k.actual, k.previous, k.change, k.status, k.owner, k.comment, k.countermeasure]),
      ),
      '',
    );
  }

  out.push(`## ${text(labels.decisions)}`, '');
  if (m.decisions.length === 0) out.push(text(labels.none), '');
  for (const decision of m.decisions) {
    out.push(`${decision.number}. ${text(decision.text)}`);
    for (const detail of decision.details) out.push(`   - ${bold(detail.label)} ${text(detail.value)}`);
  }
  if (m.decisions.length > 0) out.push('');

  out.push(`## ${text(labels.actionItems)}`, '');
  if (m.actionItems.length === 0) out.push(text(labels.none), '');
  else {
    const withRefs = m.actionItems.some((a) => a.externalRefs.length > 0);
    const head = ['#', labels.actionItem, labels.owner, labels.dueDate, labels.status, ...(withRefs ? [labels.tracker] : [])];
    const rows = m.actionItems.map((a) => {
      const cells = [String(a.number), a.title, a.owner, a.dueDate, a.status];
      return withRefs ? [...cells.map(escapeMarkdownCell), refsMarkdown(a.externalRefs)] : cells.map(escapeMarkdownCell);
    });
    out.push(...rawTable(head.map(escapeMarkdownCell), rows), '');
  }

  out.push(`## ${text(labels.nextMeeting)}`, '', text(m.nextMeeting), '');

  if (m.closingOverrides.length > 0) {
    out.push(`## ${text(labels.remarks)}`, '', `${text(labels.closingOverrides)}:`, '');
    for (const o of m.closingOverrides) out.push(`- ${text(o.item)} — ${bold(labels.reason)} ${text(o.reason)}`);
    out.push('');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function refsMarkdown(refs: MeetingView['actionItems'][number]['externalRefs']): string {
  return refs
    .map((ref) => {
      const label = `${trackerName(ref.tracker)} ${ref.key}`;
      return isWebUrl(ref.url) ? markdownLink(label, ref.url) : escapeMarkdownCell(label);
    })
    .join(', ');
}

/** A GFM table of user text: every cell escaped (pipes included). */
function table(head: string[], rows: string[][]): string[] {
  return rawTable(head.map(escapeMarkdownCell), rows.map((row) => row.map(escapeMarkdownCell)));
}

/** A GFM table of cells that are already Markdown. Empty cells print as a space. */
function rawTable(head: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.map((c) => c || ' ').join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)];
}
