import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { computeTimer } from '../timer/timerMath';
import { addAgendaItem, getAgendaItem, removeAgendaItem } from './agenda';
import {
  endMeeting,
  extendTimer,
  goToAgendaItem,
  nextAgendaItem,
  pauseTimer,
  previousAgendaItem,
  resumeTimer,
  startMeeting,
} from './facilitation';
import { getMeta, initMeeting } from './meeting';
import { ModelError, ValidationError } from './modelError';

const MIN = 60_000;
const T0 = 1_800_000_000_000;

function meetingWithAgenda() {
  const doc = new Y.Doc();
  initMeeting(doc, { title: '定例' });
  const a = addAgendaItem(doc, { title: 'A', timeboxMinutes: 10 });
  const b = addAgendaItem(doc, { title: 'B', timeboxMinutes: 5 });
  const c = addAgendaItem(doc, { title: 'C', timeboxMinutes: 15 });
  return { doc, a, b, c };
}

function remaining(doc: Y.Doc, now: number): number {
  const meta = getMeta(doc);
  const item = getAgendaItem(doc, meta.timer!.agendaItemId)!;
  return computeTimer(meta.timer!, item.timeboxMinutes, now).remainingMs;
}

describe('facilitation', () => {
  it('starts the meeting on the first item with a running timer', () => {
    const { doc, a } = meetingWithAgenda();
    startMeeting(doc, T0);
    const meta = getMeta(doc);
    expect(meta).toMatchObject({ status: 'live', startedAt: T0, currentAgendaItemId: a });
    expect(meta.timer).toEqual({ agendaItemId: a, runningSince: T0, elapsedBeforeRunMs: 0, extensionMs: 0 });
    expect(getAgendaItem(doc, a)?.status).toBe('in_progress');
    expect(remaining(doc, T0 + 4 * MIN)).toBe(6 * MIN);
  });

  it('records the actual time of each item when moving on, and continues it when coming back', () => {
    const { doc, a, b } = meetingWithAgenda();
    startMeeting(doc, T0);
    expect(nextAgendaItem(doc, T0 + 12 * MIN)).toBe(true);
    expect(getAgendaItem(doc, a)).toMatchObject({ actualSeconds: 720, status: 'done' });
    expect(getMeta(doc).currentAgendaItemId).toBe(b);
    expect(getAgendaItem(doc, b)?.status).toBe('in_progress');
    expect(previousAgendaItem(doc, T0 + 14 * MIN)).toBe(true);
    expect(getAgendaItem(doc, b)?.actualSeconds).toBe(120);
    // A continues from its 12 minutes: 10 min timebox → 2 min over, then 1 more.
    expect(remaining(doc, T0 + 15 * MIN)).toBe(-3 * MIN);
  });

  it('pauses, resumes and extends', () => {
    const { doc } = meetingWithAgenda();
    startMeeting(doc, T0);
    pauseTimer(doc, T0 + 3 * MIN);
    expect(remaining(doc, T0 + 30 * MIN)).toBe(7 * MIN);
    resumeTimer(doc, T0 + 30 * MIN);
    expect(remaining(doc, T0 + 32 * MIN)).toBe(5 * MIN);
    extendTimer(doc, 5);
    expect(remaining(doc, T0 + 32 * MIN)).toBe(10 * MIN);
    // Pausing twice or resuming a running timer changes nothing.
    const before = Y.encodeStateVector(doc);
    resumeTimer(doc, T0 + 33 * MIN);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('keeps a paused timer paused when moving to another item', () => {
    const { doc, c } = meetingWithAgenda();
    startMeeting(doc, T0);
    pauseTimer(doc, T0 + MIN);
    goToAgendaItem(doc, c, T0 + 2 * MIN);
    expect(getMeta(doc).timer).toMatchObject({ agendaItemId: c, runningSince: null });
  });

  it('stops at the ends of the agenda', () => {
    const { doc, c } = meetingWithAgenda();
    startMeeting(doc, T0);
    expect(previousAgendaItem(doc, T0 + MIN)).toBe(false);
    goToAgendaItem(doc, c, T0 + 2 * MIN);
    expect(nextAgendaItem(doc, T0 + 3 * MIN)).toBe(false);
  });

  it('ends the meeting, recording the running item, and then refuses facilitation', () => {
    const { doc, a } = meetingWithAgenda();
    startMeeting(doc, T0);
    endMeeting(doc, T0 + 7 * MIN);
    expect(getMeta(doc)).toMatchObject({ status: 'ended', endedAt: T0 + 7 * MIN, timer: null });
    expect(getAgendaItem(doc, a)).toMatchObject({ actualSeconds: 420, status: 'done' });
    expect(() => nextAgendaItem(doc, T0 + 8 * MIN)).toThrow(ModelError);
    expect(() => endMeeting(doc, T0 + 8 * MIN)).toThrow(ModelError);
    expect(() => startMeeting(doc, T0 + 8 * MIN)).toThrow(ModelError);
  });

  it('validates its inputs', () => {
    const { doc } = meetingWithAgenda();
    expect(() => pauseTimer(doc, T0)).toThrow(ModelError); // not live yet
    startMeeting(doc, T0);
    expect(() => extendTimer(doc, 0)).toThrow(ValidationError);
    expect(() => extendTimer(doc, 1.5)).toThrow(ValidationError);
    expect(() => goToAgendaItem(doc, 'nope', T0)).toThrow(ModelError);
    expect(() => pauseTimer(doc, Number.NaN)).toThrow(ValidationError);
  });

  it('survives the running item being removed', () => {
    const { doc, a, b } = meetingWithAgenda();
    startMeeting(doc, T0);
    removeAgendaItem(doc, a);
    goToAgendaItem(doc, b, T0 + MIN);
    expect(getMeta(doc).currentAgendaItemId).toBe(b);
  });
});
