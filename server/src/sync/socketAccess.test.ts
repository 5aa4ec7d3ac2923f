/**
 * Who may open a meeting's socket, checked before the upgrade completes: a refused request gets an
 * HTTP status on the raw TCP socket and then the connection closes, with not one byte of the
 * document. And a grant revoked later (the meeting's key rotated) ends the sockets opened with it.
 */
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CloseCode, TICKET_QUERY_KEY, addAgendaItem, getMeta, listAgendaItems } from '@suishin/shared';
import { TokenSigner } from '../auth/signedToken';
import { bearer, createRoleLink, fetchTicket, rawUpgrade, signIn } from '../testing/serverAccess';
import { connectRaw, connectStockClient, messageTypeOf, waitForDoc, isAttachedFrame } from '../testing/syncClients';
import { createMeetingViaApi, startTestServer, type TestServer } from '../testing/testServer';

const TITLE = 'Board review: confidential';

async function setup() {
  const t = await startTestServer();
  const meeting = await createMeetingViaApi(t, TITLE);
  const other = await createMeetingViaApi(t, 'Another meeting');
  return { t, meeting, other, origin: t.httpUrl };
}

/** The handshake must end with `status` and nothing of the document (its title, a 101, any frame). */
function expectRefused(result: Awaited<ReturnType<typeof rawUpgrade>>, status: 401 | 403) {
  expect(result.statusLine).toBe(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}`);
  expect(result.closedByServer).toBe(true);
  const text = result.received.toString('latin1');
  expect(text).not.toContain('101');
  expect(text).not.toContain('Board review');
  // Everything received is the HTTP response itself: headers and a one-line reason.
  expect(result.received.length).toBeLessThan(300);
}

const syncPath = (meeting: string, ticket?: string) =>
  ticket === undefined ? `/sync/${meeting}` : `/sync/${meeting}?${TICKET_QUERY_KEY}=${encodeURIComponent(ticket)}`;

function mintTicket(t: TestServer, meeting: string, expSeconds: number) {
  return new TokenSigner(Buffer.from(t.secret, 'utf8')).sign('ticket', {
    m: meeting,
    r: 'facilitator',
    k: null,
    adm: true,
    sid: null,
    nm: null,
    pr: 'minted-principal',
    ax: null,
    n: 'n'.repeat(22),
    exp: expSeconds,
  });
}

describe('opening a meeting socket', () => {
  it('refuses no credential, a bad signature, an expired or used ticket, a link token and a cookie without Origin with 401', async () => {
    const { t, meeting } = await setup();
    expectRefused(await rawUpgrade(t.httpUrl, syncPath(meeting)), 401);

    const good = await fetchTicket(t, meeting);
    const tampered = good.slice(0, -2) + (good.endsWith('AA') ? 'BB' : 'AA');
    expectRefused(await rawUpgrade(t.httpUrl, syncPath(meeting, tampered)), 401);

    const expired = mintTicket(t, meeting, Math.floor(Date.now() / 1000) - 5);
    expectRefused(await rawUpgrade(t.httpUrl, syncPath(meeting, expired)), 401);
    // The same payload, still valid, is accepted: the refusal above was the expiry, not the minting.
    const fresh = mintTicket(t, meeting, Math.floor(Date.now() / 1000) + 30);
    expect((await rawUpgrade(t.httpUrl, syncPath(meeting, fresh), {}, 2000)).statusLine).toBe('HTTP/1.1 101 Switching Protocols');
    expectRefused(await rawUpgrade(t.httpUrl, syncPath(meeting, fresh)), 401); // single use

    // A role link's token is a different kind of token: never accepted as a ticket.
    const link = await createRoleLink(t, meeting, 'participant');
    expectRefused(await rawUpgrade(t.httpUrl, syncPath(meeting, link.token)), 401);

    // The cookie only counts with an allowed Origin; without any Origin, only a ticket does.
    const cookie = await signIn(t, t.adminToken, 'Admin');
    expectRefused(await rawUpgrade(t.httpUrl, syncPath(meeting), { Cookie: cookie }), 401);
  });

  it('refuses a ticket or session for another meeting, and a foreign Origin, with 403', async () => {
    const { t, meeting, other, origin } = await setup();
    expectRefused(await rawUpgrade(t.httpUrl, syncPath(meeting, await fetchTicket(t, other))), 403);

    const participant = await createRoleLink(t, other, 'participant');
    const cookie = await signIn(t, participant.token, 'Pat');
    expectRefused(await rawUpgrade(t.httpUrl, syncPath(meeting), { Cookie: cookie, Origin: origin }), 403);

    const admin = await signIn(t, t.adminToken, 'Admin');
    expectRefused(await rawUpgrade(t.httpUrl, syncPath(meeting), { Cookie: admin, Origin: 'https://evil.example' }), 403);
    const ticket = await fetchTicket(t, meeting);
    expectRefused(await rawUpgrade(t.httpUrl, syncPath(meeting, ticket), { Origin: 'http://localhost.evil.example' }), 403);
    expectRefused(await rawUpgrade(t.httpUrl, syncPath(meeting), { Cookie: admin, Origin: 'null' }), 403);
  });

  it('accepts the session cookie with the app Origin, and the stock client with a ticket', async () => {
    const { t, meeting, origin } = await setup();
    const participant = await createRoleLink(t, meeting, 'participant');
    const cookie = await signIn(t, participant.token, 'Pat');
    const ws = new WebSocket(`${t.syncUrl}/${meeting}`, { headers: { Cookie: cookie, Origin: origin } });
    const first = await new Promise<Uint8Array>((resolve, reject) => {
      ws.once('message', (data: Buffer) => resolve(new Uint8Array(data)));
      ws.once('error', reject);
    });
    expect(messageTypeOf(first)).toBe(0); // the server's SyncStep1
    ws.close();

    const client = await connectStockClient(t, meeting, { token: participant.token, name: 'Pat' });
    expect(getMeta(client.doc).title).toBe(TITLE);
  });

  it('a rotated key closes the sockets it revokes (4403) and their links stop working; the rotating facilitator stays', async () => {
    const { t, meeting } = await setup();
    const facilitatorLink = await createRoleLink(t, meeting, 'facilitator');
    const participantLink = await createRoleLink(t, meeting, 'participant');
    const facilitatorCookie = await signIn(t, facilitatorLink.token, 'Fumi');

    const admin = await connectStockClient(t, meeting, { name: 'Admin' });
    const participant = await connectRaw(t, meeting, { token: participantLink.token, name: 'Pat' });
    await participant.next(isAttachedFrame);
    // The facilitator's own socket, opened with the session that will rotate.
    const ticketRes = await fetch(`${t.httpUrl}/api/meetings/${meeting}/ticket`, {
      method: 'POST',
      headers: { Cookie: facilitatorCookie, Origin: t.httpUrl },
    });
    const { ticket } = (await ticketRes.json()) as { ticket: string };
    const facilitator = new WebSocket(`${t.syncUrl}/${meeting}?${TICKET_QUERY_KEY}=${ticket}`);
    await new Promise((resolve) => facilitator.once('open', resolve));

    const rotate = await fetch(`${t.httpUrl}/api/meetings/${meeting}/links/rotate`, {
      method: 'POST',
      headers: { Cookie: facilitatorCookie, Origin: t.httpUrl },
    });
    expect(rotate.status).toBe(200);
    const renewed = rotate.headers.getSetCookie().find((c) => c.startsWith('suishin_session='))!.split(';')[0]!;

    expect(await participant.closed).toEqual({ code: CloseCode.forbidden, reason: 'access revoked' });
    // The old links are dead: no session, no ticket.
    const exchange = await fetch(`${t.httpUrl}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: participantLink.token }),
    });
    expect(exchange.status).toBe(401);
    expect(((await exchange.json()) as { error: { message: string } }).error.message).toMatch(/revoked/);
    const oldTicket = await fetch(`${t.httpUrl}/api/meetings/${meeting}/ticket`, { method: 'POST', headers: bearer(participantLink.token) });
    expect(oldTicket.status).toBe(401);

    // The admin and the rotating facilitator carry on, and the facilitator's renewed cookie works.
    expect(facilitator.readyState).toBe(WebSocket.OPEN);
    addAgendaItem(admin.doc, { title: 'after rotation' });
    const renewedTicket = await fetch(`${t.httpUrl}/api/meetings/${meeting}/ticket`, {
      method: 'POST',
      headers: { Cookie: renewed, Origin: t.httpUrl },
    });
    expect(renewedTicket.status).toBe(201);
    const staleTicket = await fetch(`${t.httpUrl}/api/meetings/${meeting}/ticket`, {
      method: 'POST',
      headers: { Cookie: facilitatorCookie, Origin: t.httpUrl },
    });
    expect(staleTicket.status).toBe(403);
    const check = await connectStockClient(t, meeting, { name: 'Check' });
    await waitForDoc(check.doc, (d) => listAgendaItems(d).length === 1);
    facilitator.close();
  });

  it('a socket whose grant was revoked cannot write, even before the rotation closed it', async () => {
    const { t, meeting } = await setup();
    const link = await createRoleLink(t, meeting, 'participant');
    const pat = await connectStockClient(t, meeting, { token: link.token, name: 'Pat' });
    const admin = await connectStockClient(t, meeting, { name: 'Admin' });
    const room = t.server.rooms.peek(meeting)!;
    const patConnection = [...room.connections].find((c) => c.access.name === 'Pat')!;
    // Rotate underneath the endpoint (as another instance would): only the per-message check can catch it.
    await t.server.auth.keys.rotate(meeting);
    const closed = new Promise<number>((resolve) => pat.provider.on('connection-close', (e: { code: number } | null) => resolve(e?.code ?? 0)));
    addAgendaItem(pat.doc, { title: 'written after revocation' });
    expect(await closed).toBe(CloseCode.forbidden);
    expect(patConnection.closed).toBe(true);
    await room.whenIdle();
    expect(listAgendaItems(room.doc)).toHaveLength(0);
    expect(listAgendaItems(admin.doc)).toHaveLength(0);
  });
});
