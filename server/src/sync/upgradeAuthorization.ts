/**
 * Decides whether a WebSocket upgrade to /sync/<meetingId> may proceed, before it completes: a
 * refused request gets an HTTP status on the raw socket and no WebSocket, so not one byte of the
 * document is ever sent to it.
 *
 * - An Origin header, when present, must be allowed (OriginPolicy), whatever the credential.
 * - `?ticket=` (a single-use ticket from POST /api/meetings/:id/ticket) authenticates scripts, tests
 *   and anything else that cannot send the cookie; it is the only way in without an Origin header.
 * - Otherwise the session cookie, and only together with an allowed Origin: a browser always sends
 *   Origin on a WebSocket handshake, so a cookie arriving without one is not from our page, and a
 *   cookie from a foreign page (cross-site WebSocket hijacking) carries that page's origin.
 * 401: no or bad credential (missing, tampered, expired, used ticket); 403: a valid credential that
 * does not open this meeting (another meeting, revoked, wrong origin).
 */
import type { IncomingMessage } from 'node:http';
import { TICKET_QUERY_KEY } from '@suishin/shared';
import type { Auth } from '../auth/auth';
import type { MeetingAccess } from '../auth/credential';
import type { OriginPolicy } from '../auth/originPolicy';
import { readSessionCookie } from '../auth/sessionCookie';

export type UpgradeDecision =
  | { ok: true; access: MeetingAccess; via: 'cookie' | 'ticket' }
  | { ok: false; status: 401 | 403; reason: string };

export async function authorizeUpgrade(
  request: IncomingMessage,
  meetingId: string,
  deps: { auth: Auth; origins: OriginPolicy },
): Promise<UpgradeDecision> {
  const origin = request.headers.origin;
  if (origin !== undefined && !deps.origins.isAllowed(origin, request.headers.host)) {
    return { ok: false, status: 403, reason: 'origin not allowed' };
  }
  const ticket = ticketOf(request.url ?? '');
  if (ticket !== null) {
    const result = await deps.auth.redeemTicket(ticket, meetingId);
    return result.ok ? { ok: true, access: result.access, via: 'ticket' } : result;
  }
  if (origin === undefined) return { ok: false, status: 401, reason: 'a socket without an Origin header needs a ticket' };
  const session = deps.auth.readSession(readSessionCookie(request.headers.cookie));
  if (!session) return { ok: false, status: 401, reason: 'sign in first' };
  const access = await deps.auth.accessTo(session, meetingId);
  if (!access) return { ok: false, status: 403, reason: 'no access to this meeting' };
  // Again after the await: a sign-out meanwhile must not let this socket in.
  if (deps.auth.isSignedOut(session.sessionId)) return { ok: false, status: 401, reason: 'signed out' };
  return { ok: true, access, via: 'cookie' };
}

function ticketOf(url: string): string | null {
  const query = url.indexOf('?');
  if (query === -1) return null;
  return new URLSearchParams(url.slice(query + 1)).get(TICKET_QUERY_KEY);
}
