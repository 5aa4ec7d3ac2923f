/** 経営報告 formatters (printable HTML, Markdown) over the report model of shared/src/report. */
export { formatReportHtml } from './reportHtml';
export { formatReportMarkdown } from './reportMarkdown';
export { reportLabels, type ReportLabels } from './reportLabels';
