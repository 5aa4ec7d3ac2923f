/** Every fixed word of the 経営報告 exports, in both languages of the minutes. */
import type { ExportLanguage } from '../formatting';
import type { ReportSectionKind } from '../../report/managementReport';

export interface ReportLabels {
  reportTitle: string;
  period: string;
  madeOn: string;
  bodies: string;
  section: Record<ReportSectionKind, string>;
  body: string;
  kpi: string;
  unit: string;
  periodKey: string;
  heldOn: string;
  actual: string;
  target: string;
  onTarget: string;
  offTarget: string;
  noTarget: string;
  chartOf: (name: string) => string;
  tableOf: (name: string) => string;
  meetings: string;
  closed: string;
  closedOnTime: string;
  onTimeRate: string;
  open: string;
  overdue: string;
  total: string;
  overdueByOwner: string;
  overdueByDepartment: string;
  owner: string;
  department: string;
  noDepartment: string;
  decision: string;
  meeting: string;
  decidedBy: string;
  rationale: string;
  shownOf: (shown: number, total: number) => string;
  openNote: string;
  none: string;
}

const ja: ReportLabels = {
  reportTitle: '経営報告',
  period: '対象期間',
  madeOn: '作成日',
  bodies: '対象会議体',
  section: { kpiTrends: 'KPIの推移と目標', followThrough: 'アクションアイテムの実行状況', keyDecisions: '主な決定事項' },
  body: '会議体',
  kpi: 'KPI',
  unit: '単位',
  periodKey: '期間',
  heldOn: '開催日',
  actual: '実績',
  target: '目標',
  onTarget: '目標達成',
  offTarget: '目標未達',
  noTarget: '判定なし',
  chartOf: (name) => `${name}の推移（実績と目標）`,
  tableOf: (name) => `${name}の推移（表）`,
  meetings: '会議数',
  closed: '完了',
  closedOnTime: '期限内完了',
  onTimeRate: '期限内完了率',
  open: '未完了',
  overdue: '期限超過',
  total: '合計',
  overdueByOwner: '担当者別の期限超過',
  overdueByDepartment: '部門別の期限超過',
  owner: '担当者',
  department: '部門',
  noDepartment: '（部門なし）',
  decision: '決定事項',
  meeting: '会議',
  decidedBy: '決定者',
  rationale: '理由',
  shownOf: (shown, total) => `全${total}件のうち新しい${shown}件`,
  openNote: '未完了・期限超過は作成日時点の件数です。',
  none: 'なし',
};

const en: ReportLabels = {
  reportTitle: 'Report to management',
  period: 'Period',
  madeOn: 'Made on',
  bodies: 'Meeting bodies',
  section: { kpiTrends: 'KPI trends against target', followThrough: 'Follow-through of action items', keyDecisions: 'Key decisions' },
  body: 'Meeting body',
  kpi: 'KPI',
  unit: 'Unit',
  periodKey: 'Period',
  heldOn: 'Held on',
  actual: 'Actual',
  target: 'Target',
  onTarget: 'On target',
  offTarget: 'Off target',
  noTarget: 'Not judged',
  chartOf: (name) => `${name} over time (actual and target)`,
  tableOf: (name) => `${name} over time (table)`,
  meetings: 'Meetings',
  closed: 'Closed',
  closedOnTime: 'Closed on time',
  onTimeRate: 'On-time rate',
  open: 'Open',
  overdue: 'Overdue',
  total: 'Total',
  overdueByOwner: 'Overdue by owner',
  overdueByDepartment: 'Overdue by department',
  owner: 'Owner',
  department: 'Department',
  noDepartment: '(no department)',
  decision: 'Decision',
  meeting: 'Meeting',
  decidedBy: 'Decided by',
  rationale: 'Rationale',
  shownOf: (shown, total) => `the newest ${shown} of ${total}`,
  openNote: 'Open and overdue items are counted as of the day the report was made.',
  none: 'None',
};

export const reportLabels = (language: ExportLanguage): ReportLabels => (language === 'ja' ? ja : en);
