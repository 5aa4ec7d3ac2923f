import type { ActionItem } from '../schema/records';
import type { MeetingView } from '../view/meetingView';
import {
  describeLink,
  exportLanguage,
  exportTimeZone,
  meetingUrl,
  ownerText,
  type ExportOptions,
} from './exportOptions';
import { formatDate, formatDateTimeWithZone, type ExportLanguage } from './formatting';
import { exportLabels } from './labels';
import { escapeMarkdownInline, markdownLink } from './markdownText';

/** One "label: value" line of an action item's description in a tracker or calendar. */
export interface DescriptionField {
  label: string;
  value: string;
  /** When set, the value links here (always an http(s) URL we built). */
  url?: string;
}

export interface ActionItemDescriptionOptions extends ExportOptions {
  /** Print the due date as a line (for targets that have no due-date field: GitHub, Linear CSV). */
  includeDueDate?: boolean;
  /** The owner has no identity in the target, so say so next to the name. */
  ownerUnmapped?: boolean;
}

/**
 * What a tracker issue created from an action item says about where it came from: the meeting
 * (with a link back), the owner with department, the due date when the target has no field for
 * it, the status, and the decision / agenda item / KPI it was linked to. The same fields render
 * as plain text (CSV, ICS), Markdown (GitHub, Linear) and Atlassian Document Format (Jira).
 */
export function actionItemDescriptionFields(
  view: MeetingView,
  item: ActionItem,
  options: ActionItemDescriptionOptions,
): DescriptionField[] {
  const language = exportLanguage(view, options);
  const labels = exportLabels(language);
  const fields: DescriptionField[] = [];
  const when = meetingDateText(view, language, exportTimeZone(options));
  const url = meetingUrl(options.meetingUrlBase, view.id);
  fields.push({ label: labels.meeting, value: when ? `${view.meta.title} (${when})` : view.meta.title, url });
  const owner = ownerText(item.owner, language);
  if (owner) {
    fields.push({ label: labels.owner, value: options.ownerUnmapped ? `${owner} ${labels.ownerNotMapped}` : owner });
  }
  if (options.includeDueDate) {
    fields.push({ label: labels.dueDate, value: item.dueDate ?? labels.noDueDate });
  }
  fields.push({ label: labels.status, value: labels.actionStatus[item.status] });
  const link = describeLink(view, item.link, language);
  if (link) fields.push({ label: link.label, value: link.text });
  return fields;
}

/** The meeting's date as the description prints it: when it started, else when it was scheduled. */
export function meetingDateText(view: MeetingView, language: ExportLanguage, timeZone: string): string {
  if (view.meta.startedAt !== null) return formatDateTimeWithZone(view.meta.startedAt, language, timeZone);
  if (view.meta.scheduledStart) {
    return /^\d{4}-\d{2}-\d{2}$/.test(view.meta.scheduledStart)
      ? formatDate(view.meta.scheduledStart, language)
      : formatDateTimeWithZone(view.meta.scheduledStart, language, timeZone);
  }
  return '';
}

/** Plain text, one field a line, links as bare URLs on their own line. */
export function descriptionText(fields: DescriptionField[]): string {
  const lines: string[] = [];
  for (const field of fields) {
    lines.push(`${field.label}: ${field.value}`);
    if (field.url) lines.push(field.url);
  }
  return lines.join('\n');
}

/**
 * Markdown: a bullet list with bold labels; every user string escaped. The bullets are "*", not
 * "-", so the text never starts with a character that CSV neutralisation would prefix.
 */
export function descriptionMarkdown(fields: DescriptionField[]): string {
  return fields
    .map((field) => {
      const value = field.url ? markdownLink(field.value, field.url) : escapeMarkdownInline(field.value);
      return `* **${escapeMarkdownInline(field.label)}:** ${value}`;
    })
    .join('\n');
}
