/**
 * /healthz is for load balancers: status only, nothing an attacker can use. The gauges are at
 * /api/admin/health, for the workspace admin only.
 */
import { describe, expect, it } from 'vitest';
import { adminHeaders, createRoleLink, signIn } from '../testing/serverAccess';
import { connectStockClient } from '../testing/syncClients';
import { createMeetingViaApi, startTestServer } from '../testing/testServer';

describe('health', () => {
  it('GET /healthz answers the status and nothing else, without a credential', async () => {
    const t = await startTestServer();
    const res = await fetch(`${t.httpUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /api/admin/health gives the gauges to the workspace admin only', async () => {
    const t = await startTestServer();
    const meeting = await createMeetingViaApi(t);
    const client = await connectStockClient(t, meeting, { name: 'Admin' });

    expect((await fetch(`${t.httpUrl}/api/admin/health`)).status).toBe(401);
    const link = await createRoleLink(t, meeting, 'facilitator');
    const facilitator = await signIn(t, link.token, 'Fumi');
    expect((await fetch(`${t.httpUrl}/api/admin/health`, { headers: { cookie: facilitator } })).status).toBe(403);
    expect((await fetch(`${t.httpUrl}/api/admin/health`, { headers: { authorization: `Bearer ${link.token}` } })).status).toBe(403);

    const res = await fetch(`${t.httpUrl}/api/admin/health`, { headers: adminHeaders(t) });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, any>;
    expect(body).toMatchObject({ status: 'ok', openRooms: 1, connections: 1, durableWritesSinceLastCheck: { count: expect.any(Number) } });
    expect(body.memory.rssBytes).toBeGreaterThan(0);
    expect(body.eventLoopDelaySinceLastCheck.maxMs).toBeTypeOf('number');
    expect(body.uptimeSeconds).toBeTypeOf('number');

    const admin = await signIn(t, t.adminToken);
    expect((await fetch(`${t.httpUrl}/api/admin/health`, { headers: { cookie: admin } })).status).toBe(200);
    client.destroy();
  });
});
