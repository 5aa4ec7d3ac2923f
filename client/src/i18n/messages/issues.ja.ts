import type { issuesEn } from './issues.en';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** 日本語: 課題（課題の登録、なぜなぜ、エスカレーション）。 */
export const issuesJa: Widen<typeof issuesEn> = {
  issues: {
    tab: '課題',
    title: '課題',
    empty: '課題はまだありません。未達のKPI、期限切れの宿題から、または手で登録できます。',
    add: '課題を登録',
    fromKpi: 'このKPIから課題を登録',
    fromActionItem: 'この宿題から課題を登録',
    proposedFromKpi: '{{name}} は2回続けて未達です。課題として登録しますか？',
    fields: {
      title: '件名',
      description: '内容',
      rootCause: '真因（なぜ？）',
      severity: '重要度',
      owner: '担当者',
      department: '部署',
      status: '状態',
      dueDate: '解決期限',
    },
    severity: { low: '低', medium: '中', high: '高' },
    status: { open: '未着手', analysing: '分析中', countermeasure: '対策中', monitoring: '効果確認中', closed: '完了' },
    escalate: '上位の会議体へエスカレーション',
    escalation: {
      ask: '上位への依頼事項',
      tried: '実施済みの対応',
      awaiting: 'エスカレーション済み：上位の会議体の判断待ち',
      decided: '上位の会議体の決定事項：{{text}}',
      agendaTitle: '下位会議体からのエスカレーション',
      trigger: { hand: '手動', overdue: '解決期限超過', high_without_countermeasure: '重要度が高く対策なし' },
    },
  },
};
