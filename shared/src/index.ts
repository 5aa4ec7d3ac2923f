/** Public surface of @suishin/shared. Inside the package, import modules directly. */
export * from './schema/records';
export { RootKey, AGENDA_NOTES_FIELD, SCHEMA_VERSION } from './schema/keys';
export * from './schema/validators';

export { ModelError, NotFoundError, ValidationError } from './model/modelError';
export { initMeeting, isMeetingInitialized, getMeta, updateMeta } from './model/meeting';
export {
  listAttendees,
  getAttendee,
  addAttendee,
  updateAttendee,
  removeAttendee,
  moveAttendee,
} from './model/attendees';
export {
  listAgendaItems,
  getAgendaItem,
  addAgendaItem,
  updateAgendaItem,
  removeAgendaItem,
  moveAgendaItem,
  getAgendaNotes,
  findAgendaNotes,
} from './model/agenda';
export {
  listDecisions,
  getDecision,
  addDecision,
  updateDecision,
  removeDecision,
  moveDecision,
} from './model/decisions';
export {
  listActionItems,
  getActionItem,
  addActionItem,
  updateActionItem,
  removeActionItem,
  moveActionItem,
} from './model/actionItems';
export { listKpis, getKpi, addKpi, updateKpi, removeKpi, moveKpi } from './model/kpis';
export type { AddOptions } from './model/collection';
export {
  startMeeting,
  goToAgendaItem,
  nextAgendaItem,
  previousAgendaItem,
  pauseTimer,
  resumeTimer,
  extendTimer,
  endMeeting,
} from './model/facilitation';
export { observeMeeting, type MeetingSection } from './model/observe';
export { checkTransactionShape, type ShapeOptions } from './model/documentShape';
export {
  MIGRATIONS,
  NewerDocumentError,
  documentVersion,
  pendingMigrations,
  migrateDocument,
  updateVersion,
  type Migration,
} from './model/migrations/migrations';
export {
  listClosingOverrides,
  setClosingOverride,
  removeClosingOverride,
  getNextMeeting,
  setNextMeeting,
  getClosingNotes,
  type ClosingOverrideRecord,
  type ClosingOverrideInput,
  type NextMeetingNote,
  type NextMeetingInput,
  type ClosingNotes,
} from './model/closingNotes';
export * from './closing/index';

export {
  computeTimer,
  computeMeetingTime,
  estimateClockOffset,
  type TimerReading,
  type MeetingTimeReading,
  type ClockSample,
} from './timer/timerMath';
export { kpiStatus, kpiDelta, DEFAULT_AT_RISK_MARGIN, type KpiStatusOptions } from './kpi/kpiStatus';
export * from './kpi/kpiNumber';
export * from './kpi/pasteParser';
export * from './kpi/countermeasure';
export * from './model/kpiBatch';
export * from './model/kpiCountermeasure';

export { toMeetingView, type MeetingView, type AgendaItemView, type KpiView } from './view/meetingView';
export { notesToPlainText } from './view/notesText';

export { MessageType, SYNC_PATH, type MessageTypeName } from './protocol/messages';
export { CloseCode, PERMANENT_CLOSE_CODES, type CloseCodeName } from './protocol/closeCodes';
export { ErrorCode, type ErrorCodeValue, type ApiErrorBody } from './protocol/errors';
export { MAX_ID_LENGTH } from './protocol/limits';
export type { SearchHit, SnippetSegment } from './protocol/search';
export type { WorkspaceSettings } from './protocol/workspace';
export type { SeriesMeetingSummary, SeriesDetailResponse, NextMeetingResponse } from './protocol/series';
export {
  ROLES,
  roleAtLeast,
  FACILITATOR_ONLY_META_FIELDS,
  PermissionDenied,
  UpdateRefused,
  TOKEN_FRAGMENT_KEY,
  TICKET_QUERY_KEY,
  MAX_DISPLAY_NAME_LENGTH,
  MIN_LINK_HOURS,
  MAX_LINK_HOURS,
  type Role,
  type MeetingGrant,
  type SessionInfo,
  type SessionExchangeRequest,
  type SessionExchangeResponse,
  type SessionRenameRequest,
  type CreateLinkRequest,
  type CreateLinkResponse,
  type RotateLinksResponse,
  type TicketResponse,
} from './protocol/access';
export * from './series/index';
export * from './time/workspaceTime';

export * from './minutes/signOff';
export { minutesDiff, type DiffPart } from './minutes/minutesDiff';
export {
  listIssues,
  getIssue,
  addIssue,
  updateIssue,
  removeIssue,
  moveIssue,
  isOpenIssueStatus,
  linkCountermeasure,
  escalateIssue,
  withdrawEscalation,
  recordParentDecision,
  type EscalationRequest,
} from './model/issues';
export { escalationTrigger, awaitsParentDecision } from './model/issueEscalation';
export { issueFromKpi, issueFromActionItem, type KpiHistoryPoint } from './model/issueSources';
