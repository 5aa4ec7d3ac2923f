/**
 * How long a socket lives: no longer than the credential it was opened with, and not at all once
 * its peer has vanished (a half-open TCP connection never tells the server).
 */
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CloseCode, TICKET_QUERY_KEY, addAgendaItem, listAgendaItems } from '@suishin/shared';
import { TokenSigner } from '../auth/signedToken';
import { fetchTicket } from '../testing/serverAccess';
import { connectStockClient, waitForDoc } from '../testing/syncClients';
import { createMeetingViaApi, startTestServer, type TestServer } from '../testing/testServer';

/** A ticket for `meetingId` whose access ends at `accessEndsAt` (epoch ms), as a short-lived link's would. */
function ticketEndingAt(t: TestServer, meetingId: string, accessEndsAt: number) {
  return new TokenSigner(Buffer.from(t.secret, 'utf8')).sign('ticket', {
    m: meetingId,
    r: 'participant',
    k: 1,
    adm: false,
    sid: null,
    nm: 'Short-lived',
    pr: 'short-lived-principal',
    ax: Math.floor(accessEndsAt / 1000),
    n: `n${Date.now()}`.padEnd(22, 'x'),
    exp: Math.floor(Date.now() / 1000) + 30,
  });
}

function open(t: TestServer, meetingId: string, ticket: string, options: WebSocket.ClientOptions = {}) {
  const ws = new WebSocket(`${t.syncUrl}/${meetingId}?${TICKET_QUERY_KEY}=${encodeURIComponent(ticket)}`, options);
  ws.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, closed, opened };
}

describe('socket lifetime', () => {
  it('a socket is closed with 4401 when the access it was opened with expires', async () => {
    const t = await startTestServer();
    const meetingId = await createMeetingViaApi(t);
    const endsAt = Date.now() + 2_000;
    const socket = open(t, meetingId, ticketEndingAt(t, meetingId, endsAt));
    await socket.opened;
    const closed = await socket.closed;
    expect(closed).toEqual({ code: CloseCode.unauthorized, reason: 'access expired' });
    expect(Date.now()).toBeGreaterThanOrEqual(endsAt - 1_000); // epoch seconds in the ticket: up to 1 s early
    // An expired access cannot open a new socket either.
    const again = open(t, meetingId, ticketEndingAt(t, meetingId, Date.now() - 1_000));
    await again.opened;
    expect((await again.closed).code).toBe(CloseCode.unauthorized);
  });

  it('drops a socket that stops answering pings, and keeps one that answers', async () => {
    const t = await startTestServer({ env: { SOCKET_PING_SECONDS: '1' } });
    const meetingId = await createMeetingViaApi(t);
    const watcher = await connectStockClient(t, meetingId, { name: 'Watcher' });
    // `autoPong: false`: the socket's peer is gone (its network vanished); TCP never says so.
    const dead = open(t, meetingId, await fetchTicket(t, meetingId), { autoPong: false });
    const alive = open(t, meetingId, await fetchTicket(t, meetingId));
    await Promise.all([dead.opened, alive.opened]);
    const room = t.server.rooms.peek(meetingId)!;
    while (room.connections.size < 3) await new Promise((r) => setTimeout(r, 20));
    const started = Date.now();
    await dead.closed;
    // Silent for a beat, pinged, unanswered at the next beat: two to three intervals.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(room.connections.size).toBe(2);
    expect(alive.ws.readyState).toBe(WebSocket.OPEN);
    await new Promise((r) => setTimeout(r, 2_500)); // more beats: the answering socket stays
    expect(alive.ws.readyState).toBe(WebSocket.OPEN);
    addAgendaItem(watcher.doc, { title: 'still live' });
    await waitForDoc(watcher.doc, (d) => listAgendaItems(d).length === 1);
    alive.ws.close();
  });
});
