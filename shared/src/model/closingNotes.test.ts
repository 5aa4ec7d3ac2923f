import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { syncDocs } from '../testing/syncDocs';
import {
  getClosingNotes,
  getNextMeeting,
  listClosingOverrides,
  removeClosingOverride,
  setClosingOverride,
  setNextMeeting,
} from './closingNotes';
import { initMeeting } from './meeting';
import { ValidationError } from './modelError';
import { observeMeeting, type MeetingSection } from './observe';

function meeting(): Y.Doc {
  const doc = new Y.Doc();
  initMeeting(doc, { title: '週次定例' });
  return doc;
}

describe('closing notes', () => {
  it('records, replaces and withdraws overrides by gap id', () => {
    const doc = meeting();
    setClosingOverride(doc, 'action-due-date:a1', { reason: '来週の企画会議で決める', by: '山田' }, 1000);
    setClosingOverride(doc, 'decision-decider:d1', { reason: 'Consensus of the room' }, 2000);
    expect(listClosingOverrides(doc)).toEqual([
      { gapId: 'action-due-date:a1', reason: '来週の企画会議で決める', by: '山田', at: 1000 },
      { gapId: 'decision-decider:d1', reason: 'Consensus of the room', by: '', at: 2000 },
    ]);
    setClosingOverride(doc, 'action-due-date:a1', { reason: '  期限は部長が決める  ' }, 3000);
    expect(listClosingOverrides(doc).map((o) => [o.gapId, o.reason])).toEqual([
      ['decision-decider:d1', 'Consensus of the room'],
      ['action-due-date:a1', '期限は部長が決める'],
    ]);
    removeClosingOverride(doc, 'decision-decider:d1');
    removeClosingOverride(doc, 'no-such:gap');
    expect(listClosingOverrides(doc).map((o) => o.gapId)).toEqual(['action-due-date:a1']);
  });

  it('refuses an empty reason or a malformed gap id and changes nothing', () => {
    const doc = meeting();
    const before = Y.encodeStateVector(doc);
    expect(() => setClosingOverride(doc, 'action-owner:a1', { reason: '   ' })).toThrow(ValidationError);
    expect(() => setClosingOverride(doc, 'no kind', { reason: 'x' })).toThrow(ValidationError);
    expect(() => setClosingOverride(doc, 'action-owner:a1', { reason: 'x'.repeat(1001) })).toThrow(ValidationError);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('keeps the next meeting, and clears it when both parts are empty', () => {
    const doc = meeting();
    expect(getNextMeeting(doc)).toBeNull();
    setNextMeeting(doc, { date: '2025-07-08', text: '同じ会議室' });
    expect(getClosingNotes(doc)).toEqual({ overrides: [], nextMeeting: { date: '2025-07-08', place: '', text: '同じ会議室' } });
    expect(() => setNextMeeting(doc, { date: '7/8' })).toThrow(ValidationError);
    setNextMeeting(doc, { date: null, text: '' });
    expect(getNextMeeting(doc)).toBeNull();
  });

  it('ignores values of the wrong shape written by another client', () => {
    const doc = meeting();
    doc.getMap('closing').set('override:action-owner:a1', 'not an object');
    doc.getMap('closing').set('nextMeeting', { date: 5 });
    expect(getClosingNotes(doc)).toEqual({ overrides: [], nextMeeting: null });
  });

  it('concurrent overrides of different gaps both survive, and observers see the closing section', () => {
    const a = meeting();
    const b = new Y.Doc();
    syncDocs(a, b);
    const seen: MeetingSection[] = [];
    const stop = observeMeeting(b, (sections) => seen.push(...sections));
    setClosingOverride(a, 'action-owner:x', { reason: 'A' }, 1);
    setClosingOverride(b, 'action-owner:y', { reason: 'B' }, 2);
    syncDocs(a, b);
    expect(listClosingOverrides(a)).toEqual(listClosingOverrides(b));
    expect(listClosingOverrides(a).map((o) => o.reason)).toEqual(['A', 'B']);
    expect(seen).toContain('closing');
    stop();
  });
});
