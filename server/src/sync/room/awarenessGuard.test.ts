import { describe, expect, it } from 'vitest';
import {
  MalformedAwarenessError,
  decodeAwarenessUpdate,
  encodeAwarenessEntries,
  filterOwnAwareness,
  stampIdentity,
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

  it('stamps the name and role from the credential over whatever the client claimed', () => {
    const forged = JSON.stringify({ user: { name: 'The CEO', role: 'facilitator', color: '#c2410c' }, cursor: null });
    expect(JSON.parse(stampIdentity(forged, { name: 'Olivia', role: 'observer' }))).toEqual({
      user: { name: 'Olivia', role: 'observer', color: '#c2410c' },
      cursor: null,
    });
    expect(JSON.parse(stampIdentity(forged, { name: null, role: 'participant' }))).toEqual({
      user: { role: 'participant', color: '#c2410c' },
      cursor: null,
    });
    expect(JSON.parse(stampIdentity(JSON.stringify({ user: 'Boss' }), { name: 'Olivia', role: 'observer' }))).toEqual({});
    expect(stampIdentity('null', { name: 'Olivia', role: 'observer' })).toBe('null');
    expect(stampIdentity('{"cursor":1}', { name: 'Olivia', role: 'observer' })).toBe('{"cursor":1}');
  });

  it('measures the state size in bytes of UTF-8, not in characters', () => {
    const japanese = entry(1, { user: { name: 'あ'.repeat(30) } }); // ~110 bytes, ~45 characters
    expect(() => decodeAwarenessUpdate(encodeAwarenessEntries([japanese]), limits)).toThrow(MalformedAwarenessError);
  });
});
