/** POST /api/session/link: a role link's state before anyone signs in with it (the join page's first look). */
import { describe, expect, it } from 'vitest';
import type { LinkCheckResponse } from '@suishin/shared/protocol';
import { adminHeaders, createRoleLink } from '../testing/serverAccess';
import { createMeetingViaApi, startTestServer, type TestServer } from '../testing/testServer';

async function check(t: TestServer, body: unknown): Promise<{ status: number; body: any; cookie: string | null }> {
  const res = await fetch(`${t.httpUrl}/api/session/link`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json(), cookie: res.headers.get('set-cookie') };
}

describe('POST /api/session/link', () => {
  it('says what a live link opens, and that a revoked or forged one opens nothing, without signing anyone in', async () => {
    const t = await startTestServer();
    const id = await createMeetingViaApi(t);
    const { token } = await createRoleLink(t, id, 'observer', 24);

    const live = await check(t, { token });
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ valid: true, meetingId: id, role: 'observer' } satisfies Partial<LinkCheckResponse>);
    expect(live.cookie).toBeNull();

    const rotated = await fetch(`${t.httpUrl}/api/meetings/${id}/links/rotate`, { method: 'POST', headers: adminHeaders(t) });
    expect(rotated.status).toBe(200);
    expect((await check(t, { token })).body).toEqual({ valid: false, reason: 'revoked' } satisfies LinkCheckResponse);
    expect((await check(t, { token: `${token}x` })).body).toEqual({ valid: false, reason: 'invalid' } satisfies LinkCheckResponse);
  });

  it('refuses a body without a token with a 400 naming the field', async () => {
    const t = await startTestServer();
    const res = await check(t, { nope: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('token');
  });
});
