import type { ActionItem } from '../schema/records';
import type { MeetingView } from '../view/meetingView';
import { actionItemDescriptionFields, descriptionText } from './actionItemDescription';
import { exportLanguage, isWebUrl, meetingUrl, type ExportOptions } from './exportOptions';
import { parseIsoDate } from './formatting';
import { exportLabels } from './labels';

/**
 * Dated action items as an iCalendar file (RFC 5545): one all-day VEVENT on each item's due date.
 *
 * Why VEVENT and not VTODO: the calendars our users live in (Google Calendar, Outlook) import
 * events only and skip VTODO components, so a VTODO file would import as nothing there (to our
 * knowledge; not re-checked against the current products). An all-day event on the due date
 * shows up where people look each morning. It is marked TRANSP:TRANSPARENT so it never blocks
 * free/busy time.
 *
 * Re-import: each event's UID is derived only from the meeting id and the action item id
 * ({@link actionItemUid}), so importing a later export updates the entries instead of adding
 * copies. For the same reason dropped items stay in the file as STATUS:CANCELLED, which removes
 * the entry from the calendar. Items with no due date are left out.
 *
 * Hand-written rather than through ical-generator. That library writes only VEVENT, needs
 * Node 22 or later since v11, and brings peer dependencies we do not want. What we need here is
 * small: TEXT escaping (§3.3.11) and line folding at 75 octets that never splits a UTF-8
 * character (§3.1). Both are below and are checked by parsing the output back with ical.js.
 */
export interface ActionItemsIcsOptions extends ExportOptions {
  /** DTSTAMP/LAST-MODIFIED; default now. */
  now?: Date;
}

export const ICS_MEDIA_TYPE = 'text/calendar; charset=utf-8';

const CRLF = '\r\n';

/** The stable UID of an action item's calendar entry. */
export function actionItemUid(meetingId: string, actionItemId: string): string {
  return `action-item-${encodeURIComponent(actionItemId)}.meeting-${encodeURIComponent(meetingId)}@suishin`;
}

export function formatActionItemsIcs(view: MeetingView, options: ActionItemsIcsOptions): string {
  const language = exportLanguage(view, options);
  const labels = exportLabels(language);
  const stamp = icsUtcDateTime(options.now ?? new Date());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Suishin//Action items//${language.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(`${view.meta.title} ${labels.actionItems}`)}`,
  ];
  const url = meetingUrl(options.meetingUrlBase, view.id);
  for (const item of view.actionItems) {
    const start = item.dueDate === null ? null : parseIsoDate(item.dueDate);
    if (start === null) continue;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeIcsText(actionItemUid(view.id, item.id))}`,
      `DTSTAMP:${stamp}`,
      `LAST-MODIFIED:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(start)}`,
      `DTEND;VALUE=DATE:${icsDate(start + 86_400_000)}`,
      `SUMMARY:${escapeIcsText(eventSummary(item, language))}`,
      `DESCRIPTION:${escapeIcsText(descriptionText(actionItemDescriptionFields(view, item, options)))}`,
      ...(isWebUrl(url) ? [`URL:${url.replace(/[\r\n]/g, '')}`] : []),
      `STATUS:${item.status === 'dropped' ? 'CANCELLED' : 'CONFIRMED'}`,
      'TRANSP:TRANSPARENT',
      `CATEGORIES:${escapeIcsText(labels.actionItems)}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}

function eventSummary(item: ActionItem, language: 'ja' | 'en'): string {
  const labels = exportLabels(language);
  const done = item.status === 'done' ? `[${labels.actionStatus.done}] ` : '';
  const owner = item.owner.name.trim();
  if (language === 'ja') return `${done}${labels.actionItems}: ${item.title}${owner ? `（${owner}）` : ''}`;
  return `${done}Action item: ${item.title}${owner ? ` (${owner})` : ''}`;
}

/**
 * A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma are backslash-escaped, every
 * line break becomes "\n", and other control characters (which TEXT may not hold) are removed.
 */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|[\r\n\u2028\u2029]/g, '\\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '');
}

/**
 * Folds a content line to at most 75 octets per physical line (RFC 5545 §3.1): each
 * continuation starts with one space, which counts toward its 75. Splits fall between whole
 * code points, so no UTF-8 sequence (or surrogate pair) is ever cut.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

function icsDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replace(/-/g, '');
}

function icsUtcDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}
