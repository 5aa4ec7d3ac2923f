/**
 * Export formatters: pure functions from the plain-JSON MeetingView to text. There is no DOM and
 * no Node API in here, so client and server alike can use them.
 * Reach them through the package entry "@suishin/shared/export".
 */
export { formats, findFormat, exportFileName, type ExportFormat, type ExportFormatId, type FormatOptions } from './formats';

export { formatMinutesMarkdown, MARKDOWN_MEDIA_TYPE } from './minutesMarkdown';
export { formatMinutesHtml, escapeHtml, HTML_MEDIA_TYPE } from './minutesHtml';
export {
  buildMinutesContent,
  type MinutesOptions,
  type MinutesContent,
  type ClosingOverride,
  type NextMeetingInfo,
} from './minutesContent';

export { toCsv, neutralizeCell, UTF8_BOM, CSV_MEDIA_TYPE, type CsvOptions } from './csv';
export {
  formatJiraCsv,
  jiraCsvImporterConfig,
  jiraLabel,
  JIRA_CSV_DATE_FORMAT,
  JIRA_CSV_STATUS,
  type JiraCsvOptions,
} from './csvJira';
export { formatAsanaCsv, asanaDate, ASANA_CSV_HEADER, type AsanaCsvOptions } from './csvAsana';
export {
  formatLinearCsv,
  LINEAR_CSV_IMPORTS_DUE_DATE,
  LINEAR_CSV_HEADER,
  LINEAR_CSV_STATUS,
  type LinearCsvOptions,
} from './csvLinear';

export {
  formatActionItemsJson,
  buildActionItemsJson,
  ACTION_ITEMS_JSON_FORMAT,
  ACTION_ITEMS_JSON_VERSION,
  type ActionItemsJsonV1,
  type ActionItemsJsonOptions,
} from './actionItemsJson';
export {
  formatActionItemsIcs,
  actionItemUid,
  escapeIcsText,
  foldIcsLine,
  ICS_MEDIA_TYPE,
  type ActionItemsIcsOptions,
} from './actionItemsIcs';

export {
  actionItemDescriptionFields,
  descriptionText,
  descriptionMarkdown,
  meetingDateText,
  type DescriptionField,
  type ActionItemDescriptionOptions,
} from './actionItemDescription';
export { escapeMarkdownInline, escapeMarkdownBlock, markdownLink } from './markdownText';
export {
  resolveOwner,
  normalizePersonKey,
  meetingUrl,
  isWebUrl,
  exportableActionItems,
  exportLanguage,
  describeLink,
  ownerText,
  DEFAULT_TRACKER_LABELS,
  type ExportOptions,
  type OwnerMapping,
} from './exportOptions';
export { exportLabels, type ExportLabels } from './labels';
export { parseIsoDate, formatDate, describeTimeZone, type ExportLanguage } from './formatting';
export { formatReportHtml, formatReportMarkdown, reportLabels, type ReportLabels } from './report';
