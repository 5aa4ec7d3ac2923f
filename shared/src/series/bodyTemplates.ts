/**
 * Templates of the common 会議体: each a name, a purpose, its decision function, what it may decide,
 * a cadence and its usual agenda, in Japanese and English. Creating a body from one fills the form;
 * what is stored is the filled form (a template is not referenced afterwards).
 */
import type { AgendaTemplateItem } from './seriesTypes';
import type { Cadence, DecisionFunction } from './meetingBody';

type Both<T> = { ja: T; en: T };

export interface BodyTemplate {
  id: 'weeklyKpiReview' | 'crossDepartmentSync' | 'projectKickoff' | 'retrospective' | 'managementMeeting';
  name: Both<string>;
  purpose: Both<string>;
  decisionFunction: DecisionFunction;
  decisionRights: Both<string>;
  cadence: Cadence;
  agendaTemplate: Both<AgendaTemplateItem[]>;
}

const item = (title: string, timeboxMinutes: number): AgendaTemplateItem => ({ title, presenter: '', timeboxMinutes });

export const BODY_TEMPLATES: readonly BodyTemplate[] = [
  {
    id: 'weeklyKpiReview',
    name: { ja: '週次KPIレビュー', en: 'Weekly KPI review' },
    purpose: { ja: '先週の数字を目標と比べ、外れたKPIの対策を決める', en: "Compare last week's numbers with their targets and decide countermeasures for off-track KPIs" },
    decisionFunction: 'confirm',
    decisionRights: { ja: '対策の宿題の担当と期限', en: 'Owners and due dates of countermeasure actions' },
    cadence: { every: 'week', weekday: 1, time: '09:30' },
    agendaTemplate: {
      ja: [item('KPIの確認（報告のみ）', 10), item('前回の宿題の確認', 10), item('目標から外れたKPIの対策', 30), item('まとめと次回', 5)],
      en: [item('KPI check (report only)', 10), item("Last time's action items", 10), item('Countermeasures for off-track KPIs', 30), item('Wrap-up and next time', 5)],
    },
  },
  {
    id: 'crossDepartmentSync',
    name: { ja: '部門横断定例', en: 'Cross-department sync' },
    purpose: { ja: '部門をまたぐ依存と課題を持ち寄り、合意して前に進める', en: 'Bring cross-department dependencies and issues together and agree how to move on' },
    decisionFunction: 'agree',
    decisionRights: { ja: '部門間の優先順位と受け渡しの期限', en: 'Priorities between departments and hand-off dates' },
    cadence: { every: 'twoWeeks', weekday: 3, time: '15:00' },
    agendaTemplate: {
      ja: [item('各部門の進捗共有', 15), item('部門間の依存と課題', 25), item('決定事項の確認', 10), item('宿題の確認', 10)],
      en: [item('Progress from each department', 15), item('Dependencies and issues between departments', 25), item('What we agreed', 10), item('Action items', 10)],
    },
  },
  {
    id: 'projectKickoff',
    name: { ja: 'プロジェクトキックオフ', en: 'Project kickoff' },
    purpose: { ja: 'プロジェクトの目的、範囲、体制、進め方をそろえる', en: 'Align on the project’s goal, scope, team and way of working' },
    decisionFunction: 'agree',
    decisionRights: { ja: '範囲、体制、マイルストーン、会議体の設計', en: 'Scope, team, milestones and the project’s meetings' },
    cadence: { every: 'asNeeded', weekday: null, time: null },
    agendaTemplate: {
      ja: [item('背景と目的', 10), item('範囲と成果物', 15), item('体制と役割', 10), item('スケジュールとマイルストーン', 15), item('会議体とコミュニケーション', 10), item('リスクと前提条件', 10)],
      en: [item('Background and goal', 10), item('Scope and deliverables', 15), item('Team and roles', 10), item('Schedule and milestones', 15), item('Meetings and communication', 10), item('Risks and premises', 10)],
    },
  },
  {
    id: 'retrospective',
    name: { ja: '振り返り', en: 'Retrospective' },
    purpose: { ja: 'うまくいったこと、課題、次に試すことを出し合い、改善を決める', en: 'Collect what went well, what did not and what to try next, and decide improvements' },
    decisionFunction: 'agree',
    decisionRights: { ja: '次の期間に試す改善', en: 'Improvements to try in the next period' },
    cadence: { every: 'month', weekday: 5, time: '16:00' },
    agendaTemplate: {
      ja: [item('前回の改善の結果', 10), item('うまくいったこと（Keep）', 10), item('課題（Problem）', 15), item('次に試すこと（Try）', 15), item('改善の宿題の確認', 10)],
      en: [item('Results of last improvements', 10), item('What went well (Keep)', 10), item('What did not (Problem)', 15), item('What to try next (Try)', 15), item('Improvement actions', 10)],
    },
  },
  {
    id: 'managementMeeting',
    name: { ja: '経営会議', en: 'Management meeting' },
    purpose: { ja: '全社の重要事項を審議し、承認する', en: 'Deliberate and approve the company’s key matters' },
    decisionFunction: 'approve',
    decisionRights: { ja: '予算、投資、組織、下位会議体から上がった案件', en: 'Budget, investments, organisation, and matters escalated from the bodies below' },
    cadence: { every: 'month', weekday: 2, time: '10:00' },
    agendaTemplate: {
      ja: [item('前回議事録の承認', 5), item('業績とKPIの報告', 20), item('下位会議体からのエスカレーション', 30), item('付議事項の審議・承認', 30), item('決定事項の確認', 5)],
      en: [item("Approval of last meeting's minutes", 5), item('Results and KPIs', 20), item('Escalations from the bodies below', 30), item('Proposals for approval', 30), item('Decisions made', 5)],
    },
  },
];

export const bodyTemplate = (id: string): BodyTemplate | undefined => BODY_TEMPLATES.find((t) => t.id === id);
