import type * as Y from 'yjs';
import { ErrorCode } from '../protocol/errors';
import type { TimerState } from '../schema/records';
import { computeTimer } from '../timer/timerMath';
import { agendaItems } from './agenda';
import { getMeta, metaMap } from './meeting';
import { ModelError, NotFoundError, ValidationError } from './modelError';

/**
 * The facilitator's controls. Each writes timestamps (server clock, passed in as `now`) and the
 * time each agenda item actually took, in one transaction.
 */

export function startMeeting(doc: Y.Doc, now: number): void {
  checkNow(now);
  const meta = getMeta(doc);
  if (meta.status !== 'draft') {
    throw new ModelError(ErrorCode.conflict, `the meeting is already ${meta.status}`, 'status');
  }
  const first = agendaItems.list(doc)[0];
  doc.transact(() => {
    const map = metaMap(doc);
    map.set('status', 'live');
    map.set('startedAt', now);
    if (first) enterItem(doc, first.id, now, true);
  });
}

/** Makes `agendaItemId` the running item, recording the time spent on the one before. */
export function goToAgendaItem(doc: Y.Doc, agendaItemId: string, now: number): void {
  checkNow(now);
  requireLive(doc);
  const target = agendaItems.get(doc, agendaItemId);
  if (!target) throw new NotFoundError('agenda item', agendaItemId);
  const meta = getMeta(doc);
  if (meta.currentAgendaItemId === agendaItemId) return;
  const keepRunning = meta.timer ? meta.timer.runningSince !== null : true;
  doc.transact(() => {
    leaveCurrentItem(doc, now);
    enterItem(doc, agendaItemId, now, keepRunning);
  });
}

/** Moves to the next item; returns false when the current one is the last. */
export function nextAgendaItem(doc: Y.Doc, now: number): boolean {
  return step(doc, now, +1);
}

/** Moves to the previous item; returns false when the current one is the first. */
export function previousAgendaItem(doc: Y.Doc, now: number): boolean {
  return step(doc, now, -1);
}

export function pauseTimer(doc: Y.Doc, now: number): void {
  checkNow(now);
  requireLive(doc);
  const timer = requireTimer(doc);
  if (timer.runningSince === null) return;
  const reading = computeTimer(timer, 0, now);
  setTimer(doc, { ...timer, runningSince: null, elapsedBeforeRunMs: reading.elapsedMs });
}

export function resumeTimer(doc: Y.Doc, now: number): void {
  checkNow(now);
  requireLive(doc);
  const timer = requireTimer(doc);
  if (timer.runningSince !== null) return;
  setTimer(doc, { ...timer, runningSince: now });
}

/** Grants extra minutes to the running item. */
export function extendTimer(doc: Y.Doc, minutes: number): void {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 120) {
    throw new ValidationError('minutes: must be a whole number from 1 to 120', 'minutes');
  }
  requireLive(doc);
  const timer = requireTimer(doc);
  setTimer(doc, { ...timer, extensionMs: timer.extensionMs + minutes * 60_000 });
}

/** Ends the meeting: records the running item's time and freezes status as `ended`. */
export function endMeeting(doc: Y.Doc, now: number): void {
  checkNow(now);
  const meta = getMeta(doc);
  if (meta.status === 'ended') {
    throw new ModelError(ErrorCode.conflict, 'the meeting has already ended', 'status');
  }
  doc.transact(() => {
    leaveCurrentItem(doc, now);
    const map = metaMap(doc);
    map.set('status', 'ended');
    map.set('endedAt', now);
    if (meta.startedAt === null) map.set('startedAt', now);
    map.set('timer', null);
  });
}

function step(doc: Y.Doc, now: number, delta: 1 | -1): boolean {
  requireLive(doc);
  const items = agendaItems.list(doc);
  const current = getMeta(doc).currentAgendaItemId;
  const index = items.findIndex((item) => item.id === current);
  const target = index === -1 ? (delta > 0 ? items[0] : undefined) : items[index + delta];
  if (!target) return false;
  goToAgendaItem(doc, target.id, now);
  return true;
}

function enterItem(doc: Y.Doc, agendaItemId: string, now: number, running: boolean): void {
  const record = agendaItems.record(doc, agendaItemId);
  if (!record) return;
  const item = agendaItems.get(doc, agendaItemId)!;
  if (item.status !== 'in_progress') record.set('status', 'in_progress');
  const map = metaMap(doc);
  map.set('currentAgendaItemId', agendaItemId);
  const timer: TimerState = {
    agendaItemId,
    runningSince: running ? now : null,
    // Returning to an item continues its clock rather than starting from zero.
    elapsedBeforeRunMs: item.actualSeconds * 1000,
    extensionMs: 0,
  };
  map.set('timer', timer);
}

function leaveCurrentItem(doc: Y.Doc, now: number): void {
  const meta = getMeta(doc);
  const timer = meta.timer;
  if (!timer) return;
  const record = agendaItems.record(doc, timer.agendaItemId);
  const item = agendaItems.get(doc, timer.agendaItemId);
  if (!record || !item) return; // removed while running: nothing to record
  const reading = computeTimer(timer, item.timeboxMinutes, now);
  record.set('actualSeconds', Math.round(reading.elapsedMs / 1000));
  if (item.status === 'in_progress') record.set('status', 'done');
}

function setTimer(doc: Y.Doc, timer: TimerState): void {
  doc.transact(() => metaMap(doc).set('timer', timer));
}

function requireLive(doc: Y.Doc): void {
  const status = getMeta(doc).status;
  if (status !== 'live') {
    throw new ModelError(ErrorCode.conflict, `the meeting is ${status}, not live`, 'status');
  }
}

function requireTimer(doc: Y.Doc): TimerState {
  const timer = getMeta(doc).timer;
  if (!timer) throw new ModelError(ErrorCode.conflict, 'no agenda item is running', 'timer');
  return timer;
}

function checkNow(now: number): void {
  if (!Number.isFinite(now) || now <= 0) throw new ValidationError('now: must be epoch milliseconds', 'now');
}
