/**
 * Sign-out ends the session on the server: the old cookie (and a ticket issued to it) opens
 * nothing afterwards, over REST or a socket upgrade, and still nothing after a restart; its open
 * sockets are closed. Other sessions carry on.
 */
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CloseCode, TICKET_QUERY_KEY } from '@suishin/shared';
import { createRoleLink, rawUpgrade, signIn } from '../testing/serverAccess';
import { createMeetingViaApi, startTestServer, type TestServer } from '../testing/testServer';

const asBrowser = (t: TestServer, cookie: string) => ({ Cookie: cookie, Origin: t.httpUrl });

async function openSocket(t: TestServer, meeting: string, cookie: string) {
  const ws = new WebSocket(`${t.syncUrl}/${meeting}`, { headers: asBrowser(t, cookie) });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('message', () => resolve()); // the server's SyncStep1: attached
    ws.once('error', reject);
  });
  return { ws, closed };
}

async function ticketFor(t: TestServer, meeting: string, cookie: string): Promise<string> {
  const res = await fetch(`${t.httpUrl}/api/meetings/${meeting}/ticket`, { method: 'POST', headers: asBrowser(t, cookie) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { ticket: string }).ticket;
}

/** What the old cookie still opens: REST answers and the upgrade's status line. */
async function replay(t: TestServer, meeting: string, cookie: string) {
  const get = (path: string) => fetch(`${t.httpUrl}${path}`, { headers: asBrowser(t, cookie) }).then((r) => r.status);
  const upgrade = await rawUpgrade(t.httpUrl, `/sync/${meeting}`, asBrowser(t, cookie), 1500);
  return { session: await get('/api/session'), meeting: await get(`/api/meetings/${meeting}`), list: await get('/api/meetings'), upgrade: upgrade.statusLine };
}

const refused = { session: 401, meeting: 401, list: 401, upgrade: 'HTTP/1.1 401 Unauthorized' };

describe('sign-out', () => {
  it('ends the session on the server: the old cookie is refused on REST and socket upgrades, before and after a restart', async () => {
    let t = await startTestServer();
    const meeting = await createMeetingViaApi(t);
    const link = await createRoleLink(t, meeting, 'participant');
    const cookie = await signIn(t, link.token, 'Pat');
    const other = await signIn(t, link.token, 'Pat on a second laptop');
    expect(await replay(t, meeting, cookie)).toEqual({ session: 200, meeting: 200, list: 200, upgrade: 'HTTP/1.1 101 Switching Protocols' });

    const socket = await openSocket(t, meeting, cookie);
    const otherSocket = await openSocket(t, meeting, other);
    const ticket = await ticketFor(t, meeting, cookie); // issued before sign-out, used after

    const out = await fetch(`${t.httpUrl}/api/session`, { method: 'DELETE', headers: asBrowser(t, cookie) });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join()).toMatch(/suishin_session=;.*Max-Age=0/);

    expect(await socket.closed).toEqual({ code: CloseCode.unauthorized, reason: 'signed out' });
    expect(await replay(t, meeting, cookie)).toEqual(refused);
    const withTicket = await rawUpgrade(t.httpUrl, `/sync/${meeting}?${TICKET_QUERY_KEY}=${encodeURIComponent(ticket)}`, {}, 1500);
    expect(withTicket.statusLine).toBe('HTTP/1.1 401 Unauthorized');
    // Another session of the same person is not signed out.
    expect(otherSocket.ws.readyState).toBe(WebSocket.OPEN);
    expect((await replay(t, meeting, other)).meeting).toBe(200);
    otherSocket.ws.close();

    t = await t.restart();
    expect(await replay(t, meeting, cookie)).toEqual(refused);
    expect((await replay(t, meeting, other)).meeting).toBe(200);

    // Signing in again (the dead cookie still sent along) starts a new session that works.
    const again = await fetch(`${t.httpUrl}/api/session`, {
      method: 'POST',
      headers: { ...asBrowser(t, cookie), 'content-type': 'application/json' },
      body: JSON.stringify({ token: link.token }),
    });
    expect(again.status).toBe(200);
    const fresh = again.headers.getSetCookie().find((c) => c.startsWith('suishin_session='))!.split(';')[0]!;
    expect((await replay(t, meeting, fresh)).meeting).toBe(200);
  });

  it('signs the workspace admin out the same way', async () => {
    const t = await startTestServer();
    const meeting = await createMeetingViaApi(t);
    const cookie = await signIn(t, t.adminToken);
    expect((await replay(t, meeting, cookie)).meeting).toBe(200);
    expect((await fetch(`${t.httpUrl}/api/session`, { method: 'DELETE', headers: asBrowser(t, cookie) })).status).toBe(204);
    expect(await replay(t, meeting, cookie)).toEqual(refused);
  });
});
