import { describe, expect, it } from 'vitest';
import { initials, normalizeName, parsePresence, peersFromStates, pickColor, PRESENCE_COLORS, samePeers } from './presence';

describe('presence', () => {
  it('accepts a well-formed state', () => {
    expect(parsePresence({ user: { name: ' 佐藤  花子 ', color: '#C2410C' }, editing: { agendaItemId: 'a1', field: 'notes' }, cursor: {} })).toEqual({
      user: { name: '佐藤 花子', color: '#c2410c', department: '' },
      editing: { agendaItemId: 'a1', field: 'notes' },
    });
    // The department a person gave when joining; a bad or missing one is "".
    expect(parsePresence({ user: { name: 'A', color: '#123456', department: '  営業　部 ' } })?.user.department).toBe('営業 部');
    expect(parsePresence({ user: { name: 'A', color: '#123456', department: 42 } })?.user.department).toBe('');
  });

  it('refuses what a hostile or older client could send', () => {
    expect(parsePresence(null)).toBeNull();
    expect(parsePresence({})).toBeNull();
    expect(parsePresence({ user: { name: 'A', color: 'red' } })).toBeNull(); // not #rrggbb
    expect(parsePresence({ user: { name: 'A', color: 'url(javascript:x)' } })).toBeNull();
    expect(parsePresence({ user: { name: '   ', color: '#123456' } })).toBeNull();
    expect(parsePresence({ user: { name: 42, color: '#123456' } })).toBeNull();
    expect(parsePresence({ user: ['A', '#123456'] })).toBeNull();
  });

  it('drops a malformed editing field but keeps the person', () => {
    const user = { name: 'A', color: '#123456' };
    expect(parsePresence({ user, editing: { agendaItemId: 'x', field: 'html' } })?.editing).toBeNull();
    expect(parsePresence({ user, editing: { agendaItemId: '', field: 'notes' } })?.editing).toBeNull();
    expect(parsePresence({ user, editing: 'notes' })?.editing).toBeNull();
  });

  it('normalizes names and caps their length', () => {
    expect(normalizeName('  Sato\tTaro\n')).toBe('Sato Taro');
    expect(normalizeName('\u0007')).toBeNull();
    expect([...normalizeName('あ'.repeat(100))!]).toHaveLength(40);
  });

  it('lists valid peers, this tab first, then by name', () => {
    const states = new Map<number, unknown>([
      [3, { user: { name: 'Yamada', color: '#123456' } }],
      [1, { user: { name: 'Bob', color: '#123456' } }],
      [2, { user: { name: 'Me', color: '#654321' } }],
      [4, { cursor: null }],
    ]);
    const peers = peersFromStates(states, 2);
    expect(peers.map((p) => [p.clientId, p.self])).toEqual([[2, true], [1, false], [3, false]]);
    expect(samePeers(peers, peersFromStates(states, 2))).toBe(true);
    states.set(1, { user: { name: 'Bob', color: '#123456' }, editing: { agendaItemId: 'a', field: 'title' } });
    expect(samePeers(peers, peersFromStates(states, 2))).toBe(false);
  });

  it('makes avatar initials', () => {
    expect(initials('sato taro')).toBe('ST');
    expect(initials('佐藤 太郎')).toBe('佐');
    expect(initials('Alice')).toBe('A');
  });

  it('picks colours from the palette', () => {
    expect(pickColor(() => 0)).toBe(PRESENCE_COLORS[0]);
    expect(pickColor(() => 0.9999)).toBe(PRESENCE_COLORS[PRESENCE_COLORS.length - 1]);
  });
});
