import type * as Y from 'yjs';
import { RootKey, SCHEMA_VERSION } from '../schema/keys';
import { MEETING_STATUSES, type MeetingMeta, type TimerState } from '../schema/records';
import {
  meetingInitSchema,
  meetingMetaPatchSchema,
  type MeetingInit,
  type MeetingMetaPatch,
} from '../schema/validators';
import { ErrorCode } from '../protocol/errors';
import {
  readEnum,
  readJson,
  readNullableNumber,
  readNullableString,
  readNumber,
  readString,
  type FieldMap,
} from './fieldReaders';
import { DEFAULT_AT_RISK_MARGIN } from '../kpi/kpiStatus';
import { ModelError } from './modelError';
import { parseInput } from './parse';

export function metaMap(doc: Y.Doc): FieldMap {
  return doc.getMap<unknown>(RootKey.meta);
}

/** Writes the meta of a new meeting. Refuses a document that already holds a meeting. */
export function initMeeting(doc: Y.Doc, input: MeetingInit): void {
  const values = parseInput(meetingInitSchema, input);
  const meta = metaMap(doc);
  if (meta.has('schemaVersion')) {
    throw new ModelError(ErrorCode.conflict, 'this document already holds a meeting');
  }
  doc.transact(() => {
    meta.set('schemaVersion', SCHEMA_VERSION);
    meta.set('title', values.title);
    meta.set('seriesId', values.seriesId ?? null);
    if (values.seriesNumber != null) meta.set('seriesNumber', values.seriesNumber);
    meta.set('departments', values.departments ?? []);
    meta.set('scheduledStart', values.scheduledStart ?? null);
    meta.set('place', values.place ?? '');
    meta.set('language', values.language ?? 'ja');
    // Absent means the default; older meetings have none.
    if (values.kpiAtRiskMargin !== undefined) meta.set('kpiAtRiskMargin', values.kpiAtRiskMargin);
    meta.set('status', 'draft');
    meta.set('currentAgendaItemId', null);
    meta.set('timer', null);
    meta.set('startedAt', null);
    meta.set('endedAt', null);
  });
}

/** True once `initMeeting` has run on this document (or its update has arrived). */
export function isMeetingInitialized(doc: Y.Doc): boolean {
  return metaMap(doc).has('schemaVersion');
}

export function getMeta(doc: Y.Doc): MeetingMeta {
  const meta = metaMap(doc);
  return {
    schemaVersion: readNumber(meta, 'schemaVersion', 0),
    title: readString(meta, 'title'),
    seriesId: readNullableString(meta, 'seriesId'),
    seriesNumber: readSeriesNumber(meta),
    departments: readJson(meta, 'departments', isStringArray, []),
    scheduledStart: readNullableString(meta, 'scheduledStart'),
    place: readString(meta, 'place'),
    status: readEnum(meta, 'status', MEETING_STATUSES, 'draft'),
    currentAgendaItemId: readNullableString(meta, 'currentAgendaItemId'),
    timer: readJson<TimerState | null>(meta, 'timer', isTimerOrNull, null),
    startedAt: readNullableNumber(meta, 'startedAt'),
    endedAt: readNullableNumber(meta, 'endedAt'),
    language: readEnum(meta, 'language', ['ja', 'en'] as const, 'ja'),
    kpiAtRiskMargin: readMargin(meta),
  };
}

/** Edits the descriptive meta fields. Status and timer change only through facilitation. */
export function updateMeta(doc: Y.Doc, patch: MeetingMetaPatch): void {
  const values = parseInput(meetingMetaPatchSchema, patch);
  const meta = metaMap(doc);
  const changes = Object.entries(values).filter(([, v]) => v !== undefined);
  if (changes.length === 0) return;
  doc.transact(() => {
    for (const [key, value] of changes) meta.set(key, value);
  });
}

function readSeriesNumber(meta: FieldMap): number | null {
  const value = meta.get('seriesNumber');
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : null;
}

/** The stored margin when it is a usable fraction; the default otherwise (absent, or a bad peer's value). */
function readMargin(meta: FieldMap): number {
  const value = meta.get('kpiAtRiskMargin');
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1 ? value : DEFAULT_AT_RISK_MARGIN;
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string');
}

function isTimerOrNull(v: unknown): v is TimerState | null {
  if (v === null) return true;
  if (typeof v !== 'object') return false;
  const t = v as Record<string, unknown>;
  return (
    typeof t.agendaItemId === 'string' &&
    (t.runningSince === null || typeof t.runningSince === 'number') &&
    typeof t.elapsedBeforeRunMs === 'number' &&
    typeof t.extensionMs === 'number'
  );
}
