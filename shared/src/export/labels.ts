import type { ActionItemStatus, AgendaItemStatus, KpiStatus, LinkKind } from '../schema/records';
import type { ExportLanguage } from './formatting';

/** Every fixed word the exports print, in both languages of the minutes. */
export interface ExportLabels {
  minutesTitle: string;
  dateTime: string;
  timeZone: string;
  scheduled: string;
  place: string;
  departments: string;
  attendees: string;
  absentees: string;
  agenda: string;
  presenter: string;
  plannedTime: string;
  actualTime: string;
  overrun: string;
  notes: string;
  kpis: string;
  kpiName: string;
  target: string;
  actual: string;
  previous: string;
  change: string;
  status: string;
  owner: string;
  comment: string;
  countermeasure: string;
  decisions: string;
  decidedBy: string;
  rationale: string;
  alternatives: string;
  agendaItem: string;
  reviewDate: string;
  supersedes: string;
  actionItems: string;
  actionItem: string;
  dueDate: string;
  tracker: string;
  nextMeeting: string;
  undecided: string;
  remarks: string;
  closingOverrides: string;
  reason: string;
  meeting: string;
  meetingLink: string;
  none: string;
  noDueDate: string;
  ownerNotMapped: string;
  linkKind: Record<LinkKind, string>;
  agendaStatus: Record<AgendaItemStatus, string>;
  actionStatus: Record<ActionItemStatus, string>;
  kpiStatus: Record<KpiStatus, string>;
  /** Joins a list of names: "、" in Japanese, ", " in English. */
  listSeparator: string;
  /** Wraps a department after a name: "山田（営業部）" / "Yamada (Sales)". */
  withDepartment: (name: string, department: string) => string;
}

const ja: ExportLabels = {
  minutesTitle: '議事録',
  dateTime: '日時',
  timeZone: 'タイムゾーン',
  scheduled: '予定',
  place: '場所',
  departments: '関係部署',
  attendees: '出席者',
  absentees: '欠席者',
  agenda: '議題',
  presenter: '担当',
  plannedTime: '予定時間',
  actualTime: '実績時間',
  overrun: '超過',
  notes: 'メモ',
  kpis: 'KPI',
  kpiName: '指標',
  target: '目標',
  actual: '実績',
  previous: '前回',
  change: '前回比',
  status: '状況',
  owner: '担当',
  comment: 'コメント',
  countermeasure: '対策',
  decisions: '決定事項',
  decidedBy: '決定者',
  rationale: '理由',
  alternatives: '検討した代替案',
  agendaItem: '議題',
  reviewDate: '見直し日',
  supersedes: '置き換える決定',
  actionItems: '宿題',
  actionItem: '内容',
  dueDate: '期限',
  tracker: '登録先',
  nextMeeting: '次回予定',
  undecided: '未定',
  remarks: '備考',
  closingOverrides: '終了時チェックの例外（理由付きで承認）',
  reason: '理由',
  meeting: '会議',
  meetingLink: '会議のページ',
  none: 'なし',
  noDueDate: '期限なし',
  ownerNotMapped: '（トラッカーのユーザーに対応付けられていません）',
  linkKind: { decision: '関連する決定', agenda: '関連する議題', kpi: '関連するKPI' },
  agendaStatus: { pending: '未着手', in_progress: '進行中', done: '完了', skipped: 'スキップ' },
  actionStatus: { open: '未着手', in_progress: '対応中', done: '完了', dropped: '取り下げ' },
  kpiStatus: { on_track: '順調', at_risk: '注意', off_track: '未達' },
  listSeparator: '、',
  withDepartment: (name, department) => (department ? `${name}（${department}）` : name),
};

const en: ExportLabels = {
  minutesTitle: 'Minutes',
  dateTime: 'Date and time',
  timeZone: 'Time zone',
  scheduled: 'scheduled',
  place: 'Place',
  departments: 'Departments',
  attendees: 'Attendees',
  absentees: 'Absent',
  agenda: 'Agenda',
  presenter: 'Presenter',
  plannedTime: 'Planned',
  actualTime: 'Actual',
  overrun: 'over',
  notes: 'Notes',
  kpis: 'KPIs',
  kpiName: 'KPI',
  target: 'Target',
  actual: 'Actual',
  previous: 'Previous',
  change: 'Change',
  status: 'Status',
  owner: 'Owner',
  comment: 'Comment',
  countermeasure: 'Countermeasure',
  decisions: 'Decisions',
  decidedBy: 'Decided by',
  rationale: 'Rationale',
  alternatives: 'Alternatives considered',
  agendaItem: 'Agenda item',
  reviewDate: 'Review date',
  supersedes: 'Supersedes',
  actionItems: 'Action items',
  actionItem: 'Action',
  dueDate: 'Due',
  tracker: 'Tracker',
  nextMeeting: 'Next meeting',
  undecided: 'To be decided',
  remarks: 'Remarks',
  closingOverrides: 'Closing checklist items overridden (with reason)',
  reason: 'Reason',
  meeting: 'Meeting',
  meetingLink: 'Meeting page',
  none: 'None',
  noDueDate: 'No due date',
  ownerNotMapped: '(not mapped to a tracker user)',
  linkKind: { decision: 'Linked decision', agenda: 'Linked agenda item', kpi: 'Linked KPI' },
  agendaStatus: { pending: 'Pending', in_progress: 'In progress', done: 'Done', skipped: 'Skipped' },
  actionStatus: { open: 'Open', in_progress: 'In progress', done: 'Done', dropped: 'Dropped' },
  kpiStatus: { on_track: 'On track', at_risk: 'At risk', off_track: 'Off track' },
  listSeparator: ', ',
  withDepartment: (name, department) => (department ? `${name} (${department})` : name),
};

export function exportLabels(language: ExportLanguage): ExportLabels {
  return language === 'ja' ? ja : en;
}
