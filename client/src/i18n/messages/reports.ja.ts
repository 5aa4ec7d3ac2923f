import type { reportsEn } from './reports.en';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** 日本語: 会議体のページの経営報告。 */
export const reportsJa: Widen<typeof reportsEn> = {
  reports: {
    heading: '経営報告',
    intro: 'この会議体と下位会議体の期間中のKPIの推移と目標、宿題の実行状況、主な決定事項をまとめます。印刷用HTMLまたはMarkdownで保存できます。',
    from: '開始日',
    to: '終了日',
    preview: 'プレビュー',
    previewTitle: '経営報告のプレビュー',
    downloadHtml: 'HTMLをダウンロード',
    downloadMarkdown: 'Markdownをダウンロード',
    loading: '経営報告を作成しています…',
    failed: '経営報告を作成できませんでした: {{message}}',
    badRange: '開始日は終了日以前の日付を選んでください。',
  },
};
