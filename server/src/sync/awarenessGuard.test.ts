import { describe, expect, it } from 'vitest';
import {
  MalformedAwarenessError,
  decodeAwarenessUpdate,
  encodeAwarenessEntries,
  filterOwnAwareness,
} from './awarenessGuard';

const limits = { maxEntries: 10, maxStateBytes: 100 };
const entry = (clientId: number, state: unknown = { user: 'x' }, clock = 1) => ({
  clientId,
  clock,
  stateJson: JSON.stringify(state),
});

describe('awareness guard', () => {
  it('round-trips entries', () => {
    const entries = [entry(1), entry(2, null, 4)];
    expect(decodeAwarenessUpdate(encodeAwarenessEntries(entries), limits)).toEqual(entries);
  });

  it('rejects too many entries, oversized states, bad JSON and trailing bytes', () => {
    const many = Array.from({ length: 11 }, (_, i) => entry(i));
    expect(() => decodeAwarenessUpdate(encodeAwarenessEntries(many), limits)).toThrow(MalformedAwarenessError);
    expect(() => decodeAwarenessUpdate(encodeAwarenessEntries([entry(1, 'x'.repeat(200))]), limits)).toThrow(
      MalformedAwarenessError,
    );
    const badJson = encodeAwarenessEntries([{ clientId: 1, clock: 1, stateJson: '{nope' }]);
    expect(() => decodeAwarenessUpdate(badJson, limits)).toThrow(MalformedAwarenessError);
    const trailing = Uint8Array.from([...encodeAwarenessEntries([entry(1)]), 9]);
    expect(() => decodeAwarenessUpdate(trailing, limits)).toThrow(MalformedAwarenessError);
    expect(() => decodeAwarenessUpdate(Uint8Array.from([3, 1]), limits)).toThrow(MalformedAwarenessError);
  });

  it('binds the first unowned client id and drops entries about other clients', () => {
    const owners = new Map<number, string>([[7, 'other']]);
    const first = filterOwnAwareness([entry(7), entry(3), entry(9)], 'me', null, (id) => owners.get(id));
    expect(first.clientId).toBe(3);
    expect(first.kept.map((e) => e.clientId)).toEqual([3]);
    owners.set(3, 'me');
    const later = filterOwnAwareness([entry(7, null, 9), entry(3, null, 2)], 'me', 3, (id) => owners.get(id));
    expect(later.kept.map((e) => e.clientId)).toEqual([3]);
  });
});
