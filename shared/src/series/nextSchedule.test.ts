import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initMeeting } from '../model/meeting';
import { listAgendaItems } from '../model/agenda';
import { writeNextMeeting } from './carryOver';
import { nextMeetingSchedule } from './nextSchedule';

describe('when and where the next meeting is', () => {
  const last = { scheduledStart: '2026-12-06T10:00:00+09:00', place: '会議室A' };

  it('takes the day noted under 次回予定 at the last meeting\'s usual time, and the noted place', () => {
    expect(nextMeetingSchedule({ date: '2026-12-13', place: '会議室B', text: '' }, last, 'Asia/Tokyo')).toEqual({ scheduledStart: '2026-12-13T10:00:00+09:00', place: '会議室B' });
    expect(nextMeetingSchedule({ date: '2026-12-13T15:00:00+09:00', place: '', text: '' }, last, 'Asia/Tokyo')).toEqual({ scheduledStart: '2026-12-13T15:00:00+09:00', place: '会議室A' });
  });

  it('keeps a bare day when no usual time is known, and nothing when nothing was noted', () => {
    expect(nextMeetingSchedule({ date: '2026-12-13', place: '', text: '' }, { scheduledStart: null, place: '' }, 'Asia/Tokyo')).toEqual({ scheduledStart: '2026-12-13', place: '' });
    expect(nextMeetingSchedule(null, last, 'Asia/Tokyo')).toEqual({ scheduledStart: null, place: '会議室A' });
    expect(nextMeetingSchedule(null, null, 'Asia/Tokyo')).toEqual({ scheduledStart: null, place: '' });
  });

  it('opens a first meeting without an empty follow-up item', () => {
    const doc = new Y.Doc();
    initMeeting(doc, { title: 'M1' });
    const written = writeNextMeeting(doc, { language: 'ja', template: [{ title: '数字の確認', presenter: '', timeboxMinutes: 15 }], last: null, carry: [], brief: null, now: 1 });
    expect(written.followUpAgendaId).toBeNull();
    expect(listAgendaItems(doc).map((a) => a.title)).toEqual(['数字の確認']);
  });
});
