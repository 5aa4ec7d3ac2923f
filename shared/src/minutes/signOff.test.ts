import { describe, expect, it } from 'vitest';
import { minutesDiff } from './minutesDiff';
import { signOffStatus, type MinutesVersion, type ReviewResponse } from './signOff';

const v = (version: number): MinutesVersion => ({ version, text: `v${version}`, author: '佐藤', at: version, note: '' });
const r = (attendee: string, version: number, kind: ReviewResponse['kind'], at: number): ReviewResponse => ({ attendee, version, kind, comment: kind === 'correction' ? '数字が違う' : '', at });
const attendees = ['佐藤', '鈴木', '高橋'];

describe('signOffStatus', () => {
  it('is final under "all" only when every attendee approved the newest version', () => {
    const base = { rule: 'all' as const, attendees, chair: '佐藤', versions: [v(1)] };
    expect(signOffStatus({ ...base, responses: [r('佐藤', 1, 'approve', 1), r('鈴木', 1, 'approve', 2)] }).state).toBe('pending');
    const all = signOffStatus({ ...base, responses: [r('佐藤', 1, 'approve', 1), r('鈴木', 1, 'approve', 2), r('高橋', 1, 'approve', 3)] });
    expect(all).toMatchObject({ state: 'final', version: 1, approvedBy: attendees, waitingFor: [] });
  });

  it('does not count approvals of an older version for a newer one', () => {
    const responses = attendees.map((a, i) => r(a, 1, 'approve', i));
    const s = signOffStatus({ rule: 'all', attendees, chair: null, versions: [v(1), v(2)], responses });
    expect(s).toMatchObject({ state: 'pending', version: 2, approvedBy: [], waitingFor: attendees });
  });

  it('shows an open correction request, and the last response of an attendee wins', () => {
    const base = { rule: 'majority' as const, attendees, chair: null, versions: [v(1)] };
    const asked = signOffStatus({ ...base, responses: [r('佐藤', 1, 'approve', 1), r('鈴木', 1, 'approve', 2), r('高橋', 1, 'correction', 3)] });
    expect(asked.state).toBe('correctionRequested');
    expect(asked.openCorrections.map((c) => c.attendee)).toEqual(['高橋']);
    const withdrawn = signOffStatus({ ...base, responses: [r('佐藤', 1, 'approve', 1), r('鈴木', 1, 'approve', 2), r('高橋', 1, 'correction', 3), r('高橋', 1, 'approve', 4)] });
    expect(withdrawn.state).toBe('final');
  });

  it('needs more than half under "majority", and the chair alone under "chair"', () => {
    const two = ['佐藤', '鈴木'];
    expect(signOffStatus({ rule: 'majority', attendees: two, chair: null, versions: [v(1)], responses: [r('佐藤', 1, 'approve', 1)] }).state).toBe('pending');
    const chair = { rule: 'chair' as const, attendees, chair: '鈴木', versions: [v(1)] };
    expect(signOffStatus({ ...chair, responses: [r('佐藤', 1, 'approve', 1), r('高橋', 1, 'approve', 2)] }).state).toBe('pending');
    expect(signOffStatus({ ...chair, responses: [r('鈴木', 1, 'approve', 1)] }).state).toBe('final');
    expect(signOffStatus({ ...chair, chair: null, responses: [r('鈴木', 1, 'approve', 1)] }).state).toBe('pending');
  });

  it('is pending with no version yet', () => {
    expect(signOffStatus({ rule: 'all', attendees, chair: null, versions: [], responses: [] })).toMatchObject({ state: 'pending', version: null });
  });
});

describe('minutesDiff', () => {
  it('marks the changed Japanese words as removed and added, keeping the rest', () => {
    const parts = minutesDiff('予算は300万円で承認。', '予算は350万円で承認。');
    expect(parts.filter((p) => p.change === 'removed').map((p) => p.text).join('')).toContain('300');
    expect(parts.filter((p) => p.change === 'added').map((p) => p.text).join('')).toContain('350');
    expect(parts.filter((p) => p.change !== 'added').map((p) => p.text).join('')).toBe('予算は300万円で承認。');
    expect(parts.filter((p) => p.change !== 'removed').map((p) => p.text).join('')).toBe('予算は350万円で承認。');
  });
});
