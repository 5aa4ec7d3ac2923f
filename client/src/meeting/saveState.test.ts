import { describe, expect, it } from 'vitest';
import { initialSaveState, needsSaveRequest, reduceSave, saveStatus, type SaveEvent, type SaveState } from './saveState';

const run = (events: SaveEvent[], from: SaveState = initialSaveState) => events.reduce(reduceSave, from);

describe('save state', () => {
  it('starts saved with nothing to send', () => {
    expect(saveStatus(initialSaveState)).toBe('saved');
    expect(needsSaveRequest(initialSaveState)).toBe(false);
  });

  it('is saving after a local change until the server confirms it', () => {
    let s = run([{ type: 'online' }, { type: 'localChange' }]);
    expect(saveStatus(s)).toBe('saving');
    expect(needsSaveRequest(s)).toBe(true);
    s = reduceSave(s, { type: 'requestSent', nonce: 1 });
    expect(needsSaveRequest(s)).toBe(false);
    expect(saveStatus(s)).toBe('saving');
    s = reduceSave(s, { type: 'saved', nonce: 1 });
    expect(saveStatus(s)).toBe('saved');
  });

  it('stays saving when changes arrived after the confirmed request', () => {
    let s = run([{ type: 'online' }, { type: 'localChange' }, { type: 'requestSent', nonce: 1 }, { type: 'localChange' }]);
    expect(needsSaveRequest(s)).toBe(true);
    s = reduceSave(s, { type: 'saved', nonce: 1 });
    expect(saveStatus(s)).toBe('saving');
    s = run([{ type: 'requestSent', nonce: 2 }, { type: 'saved', nonce: 2 }], s);
    expect(saveStatus(s)).toBe('saved');
  });

  it('a later confirmation covers earlier requests', () => {
    const s = run([
      { type: 'online' },
      { type: 'localChange' },
      { type: 'requestSent', nonce: 1 },
      { type: 'localChange' },
      { type: 'requestSent', nonce: 2 },
      { type: 'saved', nonce: 2 },
    ]);
    expect(saveStatus(s)).toBe('saved');
    expect(s.inFlight).toEqual([]);
  });

  it('reports offline edits as kept locally, and re-requests after reconnecting', () => {
    let s = run([{ type: 'online' }, { type: 'localChange' }, { type: 'requestSent', nonce: 1 }, { type: 'offline' }]);
    expect(saveStatus(s)).toBe('offline');
    expect(needsSaveRequest(s)).toBe(false);
    // an answer for a request from the dead socket changes nothing
    expect(reduceSave(s, { type: 'saved', nonce: 1 })).toBe(s);
    s = reduceSave(s, { type: 'online' });
    expect(needsSaveRequest(s)).toBe(true);
    s = run([{ type: 'requestSent', nonce: 2 }, { type: 'saved', nonce: 2 }], s);
    expect(saveStatus(s)).toBe('saved');
  });

  it('shows a storage failure until a later confirmation', () => {
    let s = run([{ type: 'online' }, { type: 'localChange' }, { type: 'requestSent', nonce: 1 }, { type: 'saveFailed', reason: 'disk full' }]);
    expect(saveStatus(s)).toBe('failed');
    expect(s.failure).toBe('disk full');
    s = run([{ type: 'localChange' }, { type: 'requestSent', nonce: 2 }, { type: 'saved', nonce: 2 }], s);
    expect(saveStatus(s)).toBe('saved');
  });

  it('an edit the server refused is never reported saved, even after later edits are confirmed', () => {
    let s = run([{ type: 'online' }, { type: 'localChange' }, { type: 'requestSent', nonce: 1 }, { type: 'saveFailed', reason: 'facilitator-only' }]);
    expect(saveStatus(s)).toBe('failed');
    expect(s.refused).toBe('facilitator-only');
    expect(s.failure).toBeNull();
    s = run([{ type: 'localChange' }, { type: 'requestSent', nonce: 2 }, { type: 'saved', nonce: 2 }], s);
    expect(saveStatus(s)).toBe('failed');
    expect(s.refused).toBe('facilitator-only');
  });
});
