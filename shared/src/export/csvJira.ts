import type { ActionItemStatus } from '../schema/records';
import type { MeetingView } from '../view/meetingView';
import { actionItemDescriptionFields, descriptionText } from './actionItemDescription';
import { toCsv, type CsvOptions } from './csv';
import {
  DEFAULT_TRACKER_LABELS,
  exportableActionItems,
  resolveOwner,
  type ExportOptions,
  type OwnerMapping,
} from './exportOptions';

/**
 * Action items as a file for Jira Cloud's CSV importer (External System Import → CSV).
 *
 * - `Summary` is required by the importer; people are e-mail addresses, which the importer
 *   matches to Jira users (an owner without a mapped address gets an empty Assignee, and the
 *   owner's name and department are written into the Description instead).
 * - `Due Date` is `yyyy-MM-dd`. In the importer's "Date format" setting (or a saved
 *   configuration's `"config.date.format"`), enter exactly {@link JIRA_CSV_DATE_FORMAT}; see
 *   {@link jiraCsvImporterConfig}.
 * - Labels: one `Labels` column per label (the usual way to give several). Jira labels cannot
 *   contain spaces, so spaces become "-".
 * - The first column is `Issue Type` rather than `Summary`, because a UTF-8 BOM sticks to the
 *   first header name in some importers, and the column that matters most should not carry it.
 * - Description is plain text with the link back to the meeting on its own line (Jira turns
 *   bare URLs into links).
 */
export interface JiraCsvOptions extends ExportOptions, CsvOptions {
  /** Owner → e-mail address of their Jira account. */
  ownerEmails?: OwnerMapping;
  /** Issue type name in the target project; default "Task". */
  issueType?: string;
  /** When given, a `Reporter` column with this e-mail address on every row. */
  reporterEmail?: string;
  /** Default ["meeting-action"]. */
  labels?: readonly string[];
  /** Also export dropped action items (default false). */
  includeDropped?: boolean;
}

/** The value to enter as the importer's date format (Java SimpleDateFormat pattern). */
export const JIRA_CSV_DATE_FORMAT = 'yyyy-MM-dd';

/** Our statuses as the default Jira workflow names them (the importer can remap values). */
export const JIRA_CSV_STATUS: Record<ActionItemStatus, string> = {
  open: 'To Do',
  in_progress: 'In Progress',
  done: 'Done',
  dropped: 'Done',
};

export function formatJiraCsv(view: MeetingView, options: JiraCsvOptions): string {
  const labels = (options.labels ?? DEFAULT_TRACKER_LABELS).map(jiraLabel).filter((label) => label.length > 0);
  const labelColumns = Math.max(1, labels.length);
  const reporter = options.reporterEmail?.trim();
  const header = [
    'Issue Type',
    'Summary',
    'Description',
    'Assignee',
    ...(reporter ? ['Reporter'] : []),
    'Due Date',
    'Status',
    ...Array.from({ length: labelColumns }, () => 'Labels'),
  ];
  const rows = exportableActionItems(view, options).map((item) => {
    const assignee = resolveOwner(options.ownerEmails, item.owner);
    const description = descriptionText(
      actionItemDescriptionFields(view, item, { ...options, ownerUnmapped: assignee === null }),
    );
    return [
      options.issueType ?? 'Task',
      item.title,
      description,
      assignee ?? '',
      ...(reporter ? [reporter] : []),
      item.dueDate ?? '',
      JIRA_CSV_STATUS[item.status],
      ...Array.from({ length: labelColumns }, (_, i) => labels[i] ?? ''),
    ];
  });
  return toCsv(header, rows, options);
}

/** Jira labels are single words: whitespace becomes "-". */
export function jiraLabel(label: string): string {
  return label.trim().replace(/\s+/g, '-');
}

/**
 * A starting point for the importer's saved configuration (upload it on the first screen of the
 * CSV import): UTF-8, comma, the date format above, and our columns mapped to Jira fields. The
 * repeated `Labels` columns and `Reporter` are mapped in the wizard.
 */
export function jiraCsvImporterConfig(projectKey?: string): Record<string, unknown> {
  return {
    'config.version': '2.0',
    'config.encoding': 'UTF-8',
    'config.delimiter': ',',
    'config.date.format': JIRA_CSV_DATE_FORMAT,
    ...(projectKey ? { 'config.project': { 'project.key': projectKey } } : {}),
    'config.field.mappings': {
      'Issue Type': { 'jira.field': 'issuetype' },
      Summary: { 'jira.field': 'summary' },
      Description: { 'jira.field': 'description' },
      Assignee: { 'jira.field': 'assignee' },
      'Due Date': { 'jira.field': 'duedate' },
      Status: { 'jira.field': 'status' },
    },
  };
}
