/**
 * /api/session: sign in by exchanging a token for the session cookie, see who you are, change your
 * display name, sign out.
 *
 * The token arrives in the JSON body (the browser read it from the URL fragment, which never
 * reaches a server), so it is never part of a URL that a proxy or this server could log.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { ErrorCode } from '@suishin/shared';
import type { LinkCheckRequest, LinkCheckResponse, SessionExchangeRequest, SessionExchangeResponse, SessionInfo, SessionRenameRequest } from '@suishin/shared/protocol';
import type { Auth, LinkRefusal } from '../auth/auth';
import type { Credential } from '../auth/credential';
import { SESSION_COOKIE, sessionCookieOptions } from '../auth/sessionCookie';
import { actorOf } from '../audit/auditTrail';
import { apiError, invalidInput } from './apiErrors';
import { recordAudit } from './auditRecording';
import type { AccessDeps } from './authenticate';

export interface SessionDeps extends AccessDeps {
  publicUrl: string | null;
}

const exchangeBody = z.object({ token: z.string().min(1).max(4096), name: z.string().max(400).optional() }).strict();
const linkCheckBody = z.object({ token: z.string().min(1).max(4096) }).strict();
const renameBody = z.object({ name: z.string().max(400) }).strict();

const REFUSALS: Record<LinkRefusal, string> = {
  invalid: 'this sign-in link is not valid; ask for a new one',
  expired: 'this link has expired; ask the facilitator for a new one',
  revoked: 'this link was revoked; ask the facilitator for a new one',
  'unknown-meeting': 'the meeting of this link no longer exists',
};

export async function sessionInfo(auth: Auth, credential: Credential): Promise<SessionInfo> {
  const grants = await auth.validGrants(credential);
  return {
    admin: credential.admin,
    name: credential.name,
    grants: grants.map((g) => ({ meetingId: g.meetingId, role: g.role, expiresAt: new Date(g.expiresAt).toISOString() })),
  };
}

/** Sets the session cookie; Secure when the server is reached over https. */
export function setSessionCookie(c: Context, auth: Auth, credential: Credential, publicUrl: string | null) {
  const { value, maxAgeSeconds } = auth.sessionCookie(credential);
  const secure = publicUrl?.startsWith('https:') || new URL(c.req.url).protocol === 'https:';
  setCookie(c, SESSION_COOKIE, value, sessionCookieOptions(secure, maxAgeSeconds));
}

async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    return undefined;
  }
}

export function sessionRoutes({ auth, origins, publicUrl }: SessionDeps) {
  const app = new Hono();

  app.get('/', async (c) => {
    const credential = c.get('credential');
    if (!credential) return apiError(c, 401, ErrorCode.unauthorized, 'not signed in');
    const body: SessionInfo = await sessionInfo(auth, credential);
    return c.json(body);
  });

  app.post('/', async (c) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && !origins.isAllowed(origin, c.req.header('host'))) {
      return apiError(c, 403, ErrorCode.forbidden, 'sign in from this app');
    }
    const parsed = exchangeBody.safeParse(await readJson(c));
    if (!parsed.success) return invalidInput(c, 'expected { token, name? }', 'token');
    const input: SessionExchangeRequest = parsed.data;
    const credential = c.get('credential');
    const result = await auth.exchange(input.token, input.name, credential?.kind === 'session' ? credential : null);
    if (!result.ok) {
      if (result.reason === 'expired') await recordAudit(c, 'linkExpired', { actor: null, detail: { refused: 'signIn' } });
      return apiError(c, 401, ErrorCode.unauthorized, REFUSALS[result.reason], 'token');
    }
    setSessionCookie(c, auth, result.credential, publicUrl);
    const granted = result.meetingId ? result.credential.grants.find((g) => g.meetingId === result.meetingId) : undefined;
    const actor = actorOf(result.credential, granted?.role ?? null);
    await recordAudit(c, 'signIn', { meetingId: result.meetingId, actor, detail: { via: result.meetingId ? 'link' : 'admin token' } });
    const had = result.meetingId && credential?.kind === 'session' ? credential.grants.find((g) => g.meetingId === result.meetingId) : undefined;
    if (had && granted && had.role !== granted.role) {
      await recordAudit(c, 'roleChanged', { meetingId: result.meetingId, actor, detail: { from: had.role, to: granted.role } });
    }
    const body: SessionExchangeResponse = { ...(await sessionInfo(auth, result.credential)), meetingId: result.meetingId };
    return c.json(body);
  });

  // Before the join page asks for a name: a revoked or expired link says so first. Signs nobody in.
  app.post('/link', async (c) => {
    const parsed = linkCheckBody.safeParse(await readJson(c));
    if (!parsed.success) return invalidInput(c, 'expected { token }', 'token');
    const input: LinkCheckRequest = parsed.data;
    const result = await auth.checkLink(input.token);
    const body: LinkCheckResponse = result.ok
      ? { valid: true, meetingId: result.grant.meetingId, role: result.grant.role, expiresAt: new Date(result.grant.expiresAt).toISOString() }
      : { valid: false, reason: result.reason };
    return c.json(body);
  });

  app.patch('/', async (c) => {
    const credential = c.get('credential');
    if (credential?.kind !== 'session') return apiError(c, 401, ErrorCode.unauthorized, 'not signed in');
    const parsed = renameBody.safeParse(await readJson(c));
    const input: SessionRenameRequest | null = parsed.success ? parsed.data : null;
    const renamed = input ? auth.rename(credential, input.name) : null;
    if (!renamed) return invalidInput(c, 'enter a name', 'name');
    setSessionCookie(c, auth, renamed, publicUrl);
    const body: SessionInfo = await sessionInfo(auth, renamed);
    return c.json(body);
  });

  // Ends the session on the server too (auth.signOut), not only in this browser.
  app.delete('/', async (c) => {
    const credential = c.get('credential');
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    if (credential?.kind === 'session') {
      try {
        await auth.signOut(credential);
        await recordAudit(c, 'signOut');
      } catch {
        return apiError(c, 500, ErrorCode.internal, 'signed out on this server, but it could not be saved; sign out again');
      }
    }
    return c.body(null, 204);
  });

  return app;
}
