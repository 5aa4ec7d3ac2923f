import type { ActionItemStatus } from '../schema/records';
import type { MeetingView } from '../view/meetingView';
import { actionItemDescriptionFields, descriptionMarkdown } from './actionItemDescription';
import { toCsv, type CsvOptions } from './csv';
import {
  DEFAULT_TRACKER_LABELS,
  exportableActionItems,
  resolveOwner,
  type ExportOptions,
  type OwnerMapping,
} from './exportOptions';

/**
 * Action items in the "Linear CSV" format that Linear's importer reads (LinearCsvImporter in
 * linear/linear packages/import): Title, Description (Markdown), Status, Priority, Assignee,
 * Labels (joined by ", "). The importer reads no due date at all, so the due date is written
 * into the description, and {@link LINEAR_CSV_IMPORTS_DUE_DATE} tells the UI to say so and to
 * prefer the API push for Linear.
 *
 * The first column is `Id` (our action item id; the importer ignores it) so that a UTF-8 BOM,
 * which its CSV reader may keep on the first header name, never lands on a column it reads.
 * `Labels` is always present because the importer splits it unconditionally.
 */
export interface LinearCsvOptions extends ExportOptions, CsvOptions {
  /** Owner → e-mail address of their Linear account. */
  ownerEmails?: OwnerMapping;
  /** Default ["meeting-action"]. */
  labels?: readonly string[];
  includeDropped?: boolean;
}

/** Linear's CSV importer drops due dates: the UI must say so (they are in the description). */
export const LINEAR_CSV_IMPORTS_DUE_DATE = false;

export const LINEAR_CSV_HEADER = ['Id', 'Title', 'Description', 'Status', 'Priority', 'Assignee', 'Labels'] as const;

/** Linear's default workflow state names. */
export const LINEAR_CSV_STATUS: Record<ActionItemStatus, string> = {
  open: 'Todo',
  in_progress: 'In Progress',
  done: 'Done',
  dropped: 'Canceled',
};

export function formatLinearCsv(view: MeetingView, options: LinearCsvOptions): string {
  // The importer splits labels on ", ", so a label may not contain that sequence.
  const labels = (options.labels ?? DEFAULT_TRACKER_LABELS)
    .map((label) => label.replace(/,\s*/g, ' ').trim())
    .filter((label) => label.length > 0)
    .join(', ');
  const rows = exportableActionItems(view, options).map((item) => {
    const assignee = resolveOwner(options.ownerEmails, item.owner);
    const fields = actionItemDescriptionFields(view, item, {
      ...options,
      includeDueDate: true,
      ownerUnmapped: assignee === null,
    });
    return [
      item.id,
      item.title,
      descriptionMarkdown(fields),
      LINEAR_CSV_STATUS[item.status],
      'No priority',
      assignee ?? '',
      labels,
    ];
  });
  return toCsv(LINEAR_CSV_HEADER, rows, options);
}
