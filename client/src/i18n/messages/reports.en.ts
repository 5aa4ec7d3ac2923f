/** English messages of the report to management (経営報告) on a body's page. */
export const reportsEn = {
  reports: {
    heading: 'Report to management',
    intro: 'This body and the bodies below it over a period: KPI trends against target, follow-through, key decisions. Printable HTML or Markdown.',
    from: 'From',
    to: 'To',
    preview: 'Preview',
    previewTitle: 'Preview of the report to management',
    downloadHtml: 'Download HTML',
    downloadMarkdown: 'Download Markdown',
    loading: 'Making the report…',
    failed: 'Could not make the report: {{message}}',
    badRange: 'Pick a start day on or before the end day.',
  },
};
