import { DEFAULT_WORKSPACE_TIME_ZONE, heldOn } from '../time/workspaceTime';
import type { MeetingView } from '../view/meetingView';
import { formatActionItemsIcs, ICS_MEDIA_TYPE, type ActionItemsIcsOptions } from './actionItemsIcs';
import { formatActionItemsJson, type ActionItemsJsonOptions } from './actionItemsJson';
import { CSV_MEDIA_TYPE } from './csv';
import { formatAsanaCsv, type AsanaCsvOptions } from './csvAsana';
import { formatJiraCsv, type JiraCsvOptions } from './csvJira';
import { formatLinearCsv, LINEAR_CSV_IMPORTS_DUE_DATE, type LinearCsvOptions } from './csvLinear';
import { HTML_MEDIA_TYPE, formatMinutesHtml } from './minutesHtml';
import type { MinutesOptions } from './minutesContent';
import { MARKDOWN_MEDIA_TYPE, formatMinutesMarkdown } from './minutesMarkdown';

/** Every option any format reads; each format ignores the ones it does not know. */
export type FormatOptions = MinutesOptions &
  JiraCsvOptions &
  AsanaCsvOptions &
  LinearCsvOptions &
  ActionItemsJsonOptions &
  ActionItemsIcsOptions;

export type ExportFormatId =
  | 'minutes-markdown'
  | 'minutes-html'
  | 'jira-csv'
  | 'asana-csv'
  | 'linear-csv'
  | 'action-items-json'
  | 'action-items-ics';

export interface ExportFormat {
  id: ExportFormatId;
  /** Name to show in the UI, in both languages. */
  label: { ja: string; en: string };
  /** Content-Type to serve the file with. */
  mediaType: string;
  /** Without the dot. */
  fileExtension: string;
  /** What the file holds. */
  content: 'minutes' | 'action-items';
  /**
   * Whether the target receives due dates in a real field. False for Linear CSV, whose importer
   * reads none: the UI should say so and offer the API push instead.
   */
  carriesDueDate: boolean;
  render: (view: MeetingView, options: FormatOptions) => string;
}

export const formats: readonly ExportFormat[] = [
  {
    id: 'minutes-markdown',
    label: { ja: '議事録（Markdown）', en: 'Minutes (Markdown)' },
    mediaType: MARKDOWN_MEDIA_TYPE,
    fileExtension: 'md',
    content: 'minutes',
    carriesDueDate: true,
    render: formatMinutesMarkdown,
  },
  {
    id: 'minutes-html',
    label: { ja: '議事録（印刷用HTML）', en: 'Minutes (printable HTML)' },
    mediaType: HTML_MEDIA_TYPE,
    fileExtension: 'html',
    content: 'minutes',
    carriesDueDate: true,
    render: formatMinutesHtml,
  },
  {
    id: 'jira-csv',
    label: { ja: 'Jira用CSV', en: 'CSV for Jira' },
    mediaType: CSV_MEDIA_TYPE,
    fileExtension: 'csv',
    content: 'action-items',
    carriesDueDate: true,
    render: formatJiraCsv,
  },
  {
    id: 'asana-csv',
    label: { ja: 'Asana用CSV', en: 'CSV for Asana' },
    mediaType: CSV_MEDIA_TYPE,
    fileExtension: 'csv',
    content: 'action-items',
    carriesDueDate: true,
    render: formatAsanaCsv,
  },
  {
    id: 'linear-csv',
    label: { ja: 'Linear用CSV', en: 'CSV for Linear' },
    mediaType: CSV_MEDIA_TYPE,
    fileExtension: 'csv',
    content: 'action-items',
    carriesDueDate: LINEAR_CSV_IMPORTS_DUE_DATE,
    render: formatLinearCsv,
  },
  {
    id: 'action-items-json',
    label: { ja: '宿題（JSON）', en: 'Action items (JSON)' },
    mediaType: 'application/json; charset=utf-8',
    fileExtension: 'json',
    content: 'action-items',
    carriesDueDate: true,
    render: formatActionItemsJson,
  },
  {
    id: 'action-items-ics',
    label: { ja: '宿題の期限（カレンダー ICS）', en: 'Action item due dates (calendar ICS)' },
    mediaType: ICS_MEDIA_TYPE,
    fileExtension: 'ics',
    content: 'action-items',
    carriesDueDate: true,
    render: formatActionItemsIcs,
  },
];

export function findFormat(id: string): ExportFormat | undefined {
  return formats.find((format) => format.id === id);
}

/**
 * An ASCII file name for a download, e.g. "meeting-2025-07-01-m1-jira.csv" (the day it was held, in the
 * workspace's zone). It is safe in any
 * Content-Disposition; put the meeting title in `filename*` if wanted.
 */
export function exportFileName(view: MeetingView, format: ExportFormat, timeZone: string = DEFAULT_WORKSPACE_TIME_ZONE): string {
  const day = heldOn(view.meta, timeZone);
  const date = day ? `${day}-` : '';
  const id = view.id.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) || 'meeting';
  const suffix = format.id.replace(/-(csv|markdown|html|json|ics)$/, '');
  return `meeting-${date}${id}-${suffix}.${format.fileExtension}`;
}
