/**
 * Sign-in and access over REST: nothing without a credential, the session cookie's attributes,
 * roles per meeting, role links and their rotation, CSRF, and no credential ever in the log.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { ErrorCode, MessageType, type SessionExchangeResponse, type SessionInfo } from '@suishin/shared';
import type { Logger } from '../logger';
import { adminHeaders, bearer, createRoleLink, fetchTicket, rawUpgrade, signIn } from '../testing/serverAccess';
import { connectRaw, connectStockClient, frameOf } from '../testing/syncClients';
import { createMeetingViaApi, startTestServer, type TestServer } from '../testing/testServer';

const json = { 'content-type': 'application/json' };

async function call(t: TestServer, method: string, path: string, headers: Record<string, string> = {}, body?: unknown) {
  const res = await fetch(`${t.httpUrl}${path}`, {
    method,
    headers: body === undefined ? headers : { ...json, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as any) : null, headers: res.headers };
}

describe('REST access', () => {
  it('answers 401 with the error body to every API call without a credential; /healthz stays open', async () => {
    const t = await startTestServer();
    const id = await createMeetingViaApi(t);
    for (const [method, path] of [
      ['GET', '/api/meetings'],
      ['POST', '/api/meetings'],
      ['GET', `/api/meetings/${id}`],
      ['GET', `/api/meetings/${id}/document`],
      ['POST', `/api/meetings/${id}/links`],
      ['POST', `/api/meetings/${id}/ticket`],
      ['GET', '/api/session'],
      ['GET', '/api/nothing-here'],
    ] as const) {
      const res = await call(t, method, path);
      expect([method, path, res.status]).toEqual([method, path, 401]);
      expect(res.body.error.code).toBe(ErrorCode.unauthorized);
    }
    expect((await call(t, 'GET', `/api/meetings/${id}`, bearer('not-the-token'))).status).toBe(401);
    const health = await fetch(`${t.httpUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get('x-frame-options')).toBe('DENY');
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    const session = await call(t, 'GET', '/api/session', bearer(t.adminToken));
    expect(session.headers.get('cache-control')).toBe('no-store');
  });

  it('exchanges the admin token for an HttpOnly, SameSite=Strict session cookie', async () => {
    const t = await startTestServer();
    const bad = await call(t, 'POST', '/api/session', {}, { token: 'wrong' });
    expect(bad.status).toBe(401);
    const res = await call(t, 'POST', '/api/session', {}, { token: t.adminToken, name: 'Aiko' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ admin: true, name: 'Aiko', grants: [], meetingId: null } satisfies SessionExchangeResponse);
    const cookie = res.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^suishin_session=s1\./);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    // 30 days, counted down from the session's expiry: a busy machine may already be a second in.
    const maxAge = Number(/; Max-Age=(\d+)/.exec(cookie)?.[1]);
    expect(maxAge).toBeLessThanOrEqual(2592000);
    expect(maxAge).toBeGreaterThan(2592000 - 60);
    expect(cookie).not.toMatch(/Secure/); // plain http here; PUBLIC_URL=https://… makes it Secure
    const session = cookie.split(';')[0]!;
    expect((await call(t, 'GET', '/api/session', { Cookie: session })).body).toEqual({ admin: true, name: 'Aiko', grants: [] });
    expect((await call(t, 'GET', '/api/meetings', { Cookie: session })).status).toBe(200);

    const out = await call(t, 'DELETE', '/api/session', { Cookie: session, Origin: t.httpUrl });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/^suishin_session=; Max-Age=0/);
  });

  it('makes the cookie Secure when PUBLIC_URL is https', async () => {
    const t = await startTestServer({ env: { PUBLIC_URL: 'https://meet.example.com' } });
    const res = await call(t, 'POST', '/api/session', {}, { token: t.adminToken });
    expect(res.headers.getSetCookie()[0]).toMatch(/; Secure/);
  });

  it('gives a role link its role in its meeting only: lists, reads and tickets, but no creating and no sharing', async () => {
    const t = await startTestServer();
    const mine = await createMeetingViaApi(t, 'Mine');
    const other = await createMeetingViaApi(t, 'Other');
    const link = await createRoleLink(t, mine, 'participant', 48);
    expect(link.url).toMatch(new RegExp(`^${t.httpUrl.replace('127.0.0.1', 'localhost')}/m/${mine}/join#token=s1\\.`));
    const exchange = await call(t, 'POST', '/api/session', {}, { token: link.token, name: 'Pat' });
    expect(exchange.body).toMatchObject({ admin: false, name: 'Pat', meetingId: mine, grants: [{ meetingId: mine, role: 'participant' }] });
    const cookie = exchange.headers.getSetCookie()[0]!.split(';')[0]!;
    const asPat = { Cookie: cookie, Origin: t.httpUrl };

    const list = await call(t, 'GET', '/api/meetings', asPat);
    expect(list.body.meetings.map((m: { title: string }) => m.title)).toEqual(['Mine']);
    expect((await call(t, 'GET', `/api/meetings/${mine}`, asPat)).status).toBe(200);
    expect((await call(t, 'GET', `/api/meetings/${other}`, asPat)).status).toBe(403);
    expect((await call(t, 'POST', `/api/meetings/${mine}/ticket`, asPat)).status).toBe(201);
    expect((await call(t, 'POST', '/api/meetings', asPat, { title: 'Mine too' })).status).toBe(403);
    const share = await call(t, 'POST', `/api/meetings/${mine}/links`, asPat, { role: 'observer', expiresInHours: 1 });
    expect(share.status).toBe(403);
    expect((await call(t, 'POST', `/api/meetings/${mine}/links/rotate`, asPat)).status).toBe(403);

    // The link itself works as a bearer token for scripts, with the same role.
    expect((await call(t, 'GET', `/api/meetings/${mine}`, bearer(link.token))).status).toBe(200);
    expect((await call(t, 'GET', `/api/meetings/${other}`, bearer(link.token))).status).toBe(403);
  });

  it('lets a facilitator share links for each role, with bounds on the lifetime', async () => {
    const t = await startTestServer();
    const id = await createMeetingViaApi(t);
    const facilitator = await createRoleLink(t, id, 'facilitator');
    const cookie = await signIn(t, facilitator.token, 'Fumi');
    const asFumi = { Cookie: cookie, Origin: t.httpUrl };
    for (const role of ['facilitator', 'participant', 'observer']) {
      const res = await call(t, 'POST', `/api/meetings/${id}/links`, asFumi, { role, expiresInHours: 24 });
      expect(res.status).toBe(201);
      expect(res.body.role).toBe(role);
      expect(res.body.url.startsWith(`${t.httpUrl}/m/${id}/join#token=`)).toBe(true); // the facilitator's own origin
    }
    for (const body of [{ role: 'owner', expiresInHours: 1 }, { role: 'observer', expiresInHours: 0 }, { role: 'observer', expiresInHours: 24 * 91 }, { role: 'observer' }]) {
      expect((await call(t, 'POST', `/api/meetings/${id}/links`, asFumi, body)).status).toBe(400);
    }
  });

  it('refuses cookie-authenticated writes from a foreign origin (CSRF) but not bearer calls without one', async () => {
    const t = await startTestServer();
    const cookie = await signIn(t, t.adminToken, 'Admin');
    const foreign = await call(t, 'POST', '/api/meetings', { Cookie: cookie, Origin: 'https://evil.example' }, { title: 'x' });
    expect(foreign.status).toBe(403);
    expect((await call(t, 'POST', '/api/meetings', { Cookie: cookie }, { title: 'x' })).status).toBe(403);
    expect((await call(t, 'POST', '/api/meetings', { Cookie: cookie, Origin: t.httpUrl }, { title: 'x' })).status).toBe(201);
    expect((await call(t, 'POST', '/api/meetings', adminHeaders(t), { title: 'x' })).status).toBe(201);
    const signInFromElsewhere = await call(t, 'POST', '/api/session', { Origin: 'https://evil.example' }, { token: t.adminToken });
    expect(signInFromElsewhere.status).toBe(403);
  });

  it('renames the session, and its open sockets publish under the new name from their next presence update', async () => {
    const t = await startTestServer();
    const id = await createMeetingViaApi(t);
    const link = await createRoleLink(t, id, 'participant');
    const cookie = await signIn(t, link.token, 'Pat');
    const ticket = await call(t, 'POST', `/api/meetings/${id}/ticket`, { Cookie: cookie, Origin: t.httpUrl });
    expect(ticket.status).toBe(201);
    // The session's socket (ticket from its cookie) publishes its presence under the session's name.
    const raw = await connectRaw(t, id, { ticket: ticket.body.ticket });
    const awareness = new Awareness(new Y.Doc());
    const publish = () =>
      raw.send(frameOf((e) => {
        encoding.writeVarUint(e, MessageType.awareness);
        encoding.writeVarUint8Array(e, encodeAwarenessUpdate(awareness, [awareness.clientID]));
      }));
    awareness.setLocalState({ user: { name: 'Whatever', color: '#0f766e' } });
    publish();
    const room = () => t.server.rooms.peek(id)!;
    const nameInRoom = () => (room()?.awareness.getStates().get(awareness.clientID) as { user?: { name?: string } } | undefined)?.user?.name;
    await waitUntil(() => nameInRoom() === 'Pat');
    const renamed = await call(t, 'PATCH', '/api/session', { Cookie: cookie, Origin: t.httpUrl }, { name: '  Patricia ' });
    expect((renamed.body as SessionInfo).name).toBe('Patricia');
    awareness.setLocalStateField('editing', null); // the client publishes again after renaming
    publish();
    await waitUntil(() => nameInRoom() === 'Patricia');
    awareness.destroy();
    expect((await call(t, 'PATCH', '/api/session', { Cookie: cookie, Origin: t.httpUrl }, { name: '   ' })).status).toBe(400);
  });
});

describe('credentials in logs', () => {
  it('never writes a token, ticket or cookie to the log, whatever the level', async () => {
    const lines: string[] = [];
    const capture = (level: string) => (message: string, fields?: Record<string, unknown>) =>
      lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
    const logger: Logger = { debug: capture('debug'), info: capture('info'), warn: capture('warn'), error: capture('error') };
    const t = await startTestServer({ deps: { logger } });
    const id = await createMeetingViaApi(t);
    const link = await createRoleLink(t, id, 'observer');
    const cookie = await signIn(t, link.token, 'Olivia');
    const secrets = [t.adminToken, link.token, cookie.split('=')[1]!];
    const observer = await connectStockClient(t, id, { token: link.token, name: 'Olivia' });
    secrets.push(observer.provider.params.ticket!); // the ticket of the current socket
    const used = await fetchTicket(t, id);
    secrets.push(used);
    const ws = new (await import('ws')).default(`${t.syncUrl}/${id}?ticket=${used}&token=${link.token}`);
    await new Promise((resolve) => ws.once('open', resolve));
    // Refusals are logged too, and must not carry what was refused.
    await fetch(`${t.httpUrl}/api/meetings/${id}?token=${link.token}`, { headers: bearer(link.token) });
    expect((await rawUpgrade(t.httpUrl, `/sync/${id}?ticket=${used}`)).statusLine).toMatch(/ 401 /); // used already
    await call(t, 'POST', '/api/session', {}, { token: `${link.token}x` });
    ws.close();
    await t.server.close();

    expect(lines.some((l) => l.includes('/api/meetings'))).toBe(true); // the access log did run
    expect(lines.some((l) => l.includes('sync upgrade refused'))).toBe(true);
    const log = lines.join('\n');
    for (const secret of secrets) expect(log).not.toContain(secret);
    expect(log).not.toMatch(/s1\.[A-Za-z0-9_-]{20,}/);
    expect(log).not.toMatch(/ticket=|token=/);
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
