import type { MeetingView } from '../view/meetingView';
import { actionItemDescriptionFields, descriptionText } from './actionItemDescription';
import { toCsv, type CsvOptions } from './csv';
import { exportableActionItems, resolveOwner, type ExportOptions, type OwnerMapping } from './exportOptions';
import { parseIsoDate } from './formatting';

/**
 * Action items as a file for Asana's CSV importer. The task name is the FIRST column (`Name`),
 * then the columns Asana auto-maps by name, in the order its help gives: Description, Section,
 * Assignee (one e-mail address), Due Date as mm/dd/yyyy (the format Asana's importer documents).
 * Asana's import only appends tasks; it never updates earlier ones.
 */
export interface AsanaCsvOptions extends ExportOptions, CsvOptions {
  /** Owner → e-mail address of their Asana account. */
  ownerEmails?: OwnerMapping;
  /** Section the tasks land in; default the meeting's title, null for none. */
  section?: string | null;
  includeDropped?: boolean;
}

export const ASANA_CSV_HEADER = ['Name', 'Description', 'Section', 'Assignee', 'Due Date'] as const;

export function formatAsanaCsv(view: MeetingView, options: AsanaCsvOptions): string {
  const section = options.section === undefined ? view.meta.title : (options.section ?? '');
  const rows = exportableActionItems(view, options).map((item) => {
    const assignee = resolveOwner(options.ownerEmails, item.owner);
    return [
      item.title,
      descriptionText(actionItemDescriptionFields(view, item, { ...options, ownerUnmapped: assignee === null })),
      section,
      assignee ?? '',
      item.dueDate ? asanaDate(item.dueDate) : '',
    ];
  });
  return toCsv(ASANA_CSV_HEADER, rows, options);
}

/** "2025-07-31" → "07/31/2025"; text that is not a date is dropped rather than misread. */
export function asanaDate(isoDate: string): string {
  if (parseIsoDate(isoDate) === null) return '';
  const [year, month, day] = isoDate.split('-');
  return `${month}/${day}/${year}`;
}
