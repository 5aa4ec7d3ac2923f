/**
 * One export as a file: the formatter's text, its media type, and file names for a download.
 * Used by the REST route and the command-line export alike, so both produce the same bytes.
 */
import type { ClosingNotes, MeetingView } from '@suishin/shared';
import { closingMinutesOptions } from '@suishin/shared';
import {
  exportFileName,
  exportLanguage,
  type ExportFormat,
  type ExportLanguage,
  type FormatOptions,
} from '@suishin/shared/export';
import { DEFAULT_WORKSPACE_TIME_ZONE, heldOn } from '@suishin/shared/time';
import type { ExportSettings } from './exportSettings';

export interface ExportFile {
  body: string;
  mediaType: string;
  /** ASCII only, safe in any header: "meeting-2025-07-01-<id>-jira.csv". */
  fileName: string;
  /** In the meeting's words, for `filename*`: "週次定例_宿題_Jira_2025-07-01.csv". */
  displayFileName: string;
  language: ExportLanguage;
}

export interface RenderOptions {
  /** Where the app is served, for the links back to the meeting. */
  meetingUrlBase: string;
  language?: ExportLanguage;
  settings: Pick<ExportSettings, 'timeZone' | 'ownerEmails'>;
  now?: Date;
}

export function renderExport(view: MeetingView, notes: ClosingNotes, format: ExportFormat, options: RenderOptions): ExportFile {
  const language = exportLanguage(view, options.language ? { language: options.language } : {});
  const timeZone = options.settings.timeZone;
  const formatOptions: FormatOptions = {
    meetingUrlBase: options.meetingUrlBase,
    language,
    timeZone,
    ...(options.settings.ownerEmails ? { ownerEmails: options.settings.ownerEmails } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...closingMinutesOptions(view, notes, language),
  };
  return {
    body: format.render(view, formatOptions),
    mediaType: format.mediaType,
    fileName: exportFileName(view, format, timeZone),
    displayFileName: displayFileName(view, format, language, timeZone),
    language,
  };
}

const WHAT: Record<ExportLanguage, Record<ExportFormat['id'], string>> = {
  ja: {
    'minutes-markdown': '議事録',
    'minutes-html': '議事録',
    'jira-csv': '宿題_Jira',
    'asana-csv': '宿題_Asana',
    'linear-csv': '宿題_Linear',
    'action-items-json': '宿題',
    'action-items-ics': '宿題の期限',
  },
  en: {
    'minutes-markdown': 'minutes',
    'minutes-html': 'minutes',
    'jira-csv': 'action-items-jira',
    'asana-csv': 'action-items-asana',
    'linear-csv': 'action-items-linear',
    'action-items-json': 'action-items',
    'action-items-ics': 'action-item-due-dates',
  },
};

/** The meeting's title, what the file holds and the date: a name people recognise in Downloads. */
export function displayFileName(view: MeetingView, format: ExportFormat, language: ExportLanguage, timeZone: string = DEFAULT_WORKSPACE_TIME_ZONE): string {
  // eslint-disable-next-line no-control-regex
  const title = [...view.meta.title.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim()]
    .slice(0, 60)
    .join('')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const date = heldOn(view.meta, timeZone) ?? '';
  return [title || 'meeting', WHAT[language][format.id], date].filter(Boolean).join('_') + `.${format.fileExtension}`;
}

/**
 * `attachment; filename="ascii.csv"; filename*=UTF-8''…` (RFC 6266 with RFC 5987 encoding):
 * every browser uses filename*, and old clients fall back to the ASCII name.
 */
export function contentDisposition(file: Pick<ExportFile, 'fileName' | 'displayFileName'>, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(file.displayFileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
