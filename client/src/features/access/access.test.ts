import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '@suishin/shared';
import { offeredRole } from './fragmentToken';
import { roleIn } from './session';

const token = (payload: unknown) =>
  `s1.${btoa(JSON.stringify(payload)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}.signature`;

describe('access on the client', () => {
  it('reads the offered role from a link token for display, and nothing from junk', () => {
    expect(offeredRole(token({ m: 'm1', r: 'observer', k: 1, exp: 1 }))).toBe('observer');
    expect(offeredRole(token({ m: 'm1', r: 'owner', k: 1, exp: 1 }))).toBeNull();
    expect(offeredRole('not a token')).toBeNull();
  });

  it('makes the admin facilitator everywhere and others what their grant says', () => {
    const session: SessionInfo = { admin: false, name: 'Pat', grants: [{ meetingId: 'm1', role: 'participant', expiresAt: '2030-01-01T00:00:00Z' }] };
    expect(roleIn(session, 'm1')).toBe('participant');
    expect(roleIn(session, 'm2')).toBeNull();
    expect(roleIn({ admin: true, name: null, grants: [] }, 'm2')).toBe('facilitator');
  });
});
