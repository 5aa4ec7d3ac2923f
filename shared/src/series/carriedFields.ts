/**
 * Series fields stored on records of a meeting document, beside the fields the base model knows
 * (readers ignore fields they do not know, so older clients keep working):
 *
 * - action item `carriedFrom`: {meetingId, actionItemId} of the ORIGINAL action item (the root of
 *   the chain) and `via` the copy it was carried from last. Carry-over is idempotent by `root`.
 *   `viaMeeting` says which meeting of the series `via` is (its number and day), so a carried item
 *   can say where it came from ("第11回から") without reading that meeting (named `from` before
 *   document version 2: model/migrations/carriedFromViaMeeting.ts).
 * - 課題 `carriedFrom`: the same rule, {meetingId, issueId} of the root and of `via` (declared with
 *   the 課題, schema/issueRecords.ts).
 * - agenda item `seriesRole`: 'followUp' (the follow-up section at the top) or 'brief' (the
 *   "since last time" brief), so they are recognised without matching titles.
 */
import type * as Y from 'yjs';
import type * as z from 'zod/mini';
import { SERIES_AGENDA_ROLES, type carriedFromSchema } from '../schema/meetingRecords';
import { issueCarriedFromSchema } from '../schema/issueRecords';
import { actionItems } from '../model/actionItems';
import { issues } from '../model/issues';
import { agendaItems } from '../model/agenda';

/** Types of the stored `carriedFrom` value, declared with the action item (schema/meetingRecords.ts). */
export type CarryOrigin = z.output<typeof carriedFromSchema>;
export type ItemRef = CarryOrigin['root'];
/** The meeting of `via`: its number in the series (null before numbering) and the day it was held, or null. */
export type CarriedFromMeeting = NonNullable<CarryOrigin['viaMeeting']>;

/** Types of a 課題's stored `carriedFrom` (schema/issueRecords.ts). */
export type IssueOrigin = z.output<typeof issueCarriedFromSchema>;
export type IssueRef = IssueOrigin['root'];

export type SeriesAgendaRole = (typeof SERIES_AGENDA_ROLES)[number];

export const CARRIED_FROM_FIELD = 'carriedFrom';
export const SERIES_ROLE_FIELD = 'seriesRole';

function isRef(v: unknown): v is ItemRef {
  return (
    typeof v === 'object' && v !== null &&
    typeof (v as ItemRef).meetingId === 'string' && typeof (v as ItemRef).actionItemId === 'string'
  );
}

export function isCarryOrigin(v: unknown): v is CarryOrigin {
  return typeof v === 'object' && v !== null && isRef((v as CarryOrigin).root) && isRef((v as CarryOrigin).via);
}

function readViaMeeting(v: unknown): CarriedFromMeeting | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const { number, heldOn } = v as Record<string, unknown>;
  return {
    number: typeof number === 'number' && Number.isInteger(number) && number >= 1 ? number : null,
    heldOn: typeof heldOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(heldOn) ? heldOn : null,
  };
}

/** A stored origin as a fresh object (a bad peer's extra or malformed fields left out). */
function readOrigin(v: CarryOrigin): CarryOrigin {
  const viaMeeting = readViaMeeting(v.viaMeeting);
  return { root: { ...v.root }, via: { ...v.via }, ...(viaMeeting ? { viaMeeting } : {}) };
}

export function getCarriedFrom(doc: Y.Doc, actionItemId: string): CarryOrigin | null {
  const value = actionItems.record(doc, actionItemId)?.get(CARRIED_FROM_FIELD);
  return isCarryOrigin(value) ? readOrigin(value) : null;
}

/** Every carried action item of the document, by its id. */
export function listCarriedFrom(doc: Y.Doc): Map<string, CarryOrigin> {
  const out = new Map<string, CarryOrigin>();
  actionItems.root(doc).forEach((record, id) => {
    const value = (record as Y.Map<unknown>).get?.(CARRIED_FROM_FIELD);
    if (isCarryOrigin(value)) out.set(id, readOrigin(value));
  });
  return out;
}

export function setCarriedFrom(doc: Y.Doc, actionItemId: string, origin: CarryOrigin): void {
  const record = actionItems.record(doc, actionItemId);
  if (!record) throw new Error(`unknown action item ${actionItemId}`);
  record.set(CARRIED_FROM_FIELD, readOrigin(origin));
}

/** Every carried 課題 of the document, by its id (a stored value that fails its schema is left out). */
export function listIssueOrigins(doc: Y.Doc): Map<string, IssueOrigin> {
  const out = new Map<string, IssueOrigin>();
  issues.root(doc).forEach((record, id) => {
    const parsed = issueCarriedFromSchema.safeParse((record as Y.Map<unknown>).get?.(CARRIED_FROM_FIELD));
    if (parsed.success) out.set(id, parsed.data);
  });
  return out;
}

export function setIssueOrigin(doc: Y.Doc, issueId: string, origin: IssueOrigin): void {
  const record = issues.record(doc, issueId);
  if (!record) throw new Error(`unknown 課題 ${issueId}`);
  record.set(CARRIED_FROM_FIELD, { root: { ...origin.root }, via: { ...origin.via } });
}

export function getSeriesRole(doc: Y.Doc, agendaItemId: string): SeriesAgendaRole | null {
  const value = agendaItems.record(doc, agendaItemId)?.get(SERIES_ROLE_FIELD);
  return (SERIES_AGENDA_ROLES as readonly unknown[]).includes(value) ? (value as SeriesAgendaRole) : null;
}

export function setSeriesRole(doc: Y.Doc, agendaItemId: string, role: SeriesAgendaRole): void {
  agendaItems.record(doc, agendaItemId)?.set(SERIES_ROLE_FIELD, role);
}

/** The agenda item with that role, if any. */
export function findSeriesAgendaItem(doc: Y.Doc, role: SeriesAgendaRole): string | null {
  let found: string | null = null;
  agendaItems.root(doc).forEach((record, id) => {
    if ((record as Y.Map<unknown>).get?.(SERIES_ROLE_FIELD) === role) found ??= id;
  });
  return found;
}

export const rootKey = (ref: ItemRef) => `${ref.meetingId}/${ref.actionItemId}`;
