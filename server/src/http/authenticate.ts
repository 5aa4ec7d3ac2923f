/**
 * REST authentication. Every /api route needs a credential except the session exchange itself;
 * routes under /api/meetings/:id need a role in that meeting.
 *
 * A credential is the session cookie or, for scripts, `Authorization: Bearer <admin token | role
 * link token>`. A cookie-authenticated request that changes something must come from an allowed
 * Origin (CSRF defence on top of SameSite=Strict); bearer requests carry no ambient authority and
 * need no Origin.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { ErrorCode, roleAtLeast, type Role } from '@suishin/shared';
import type { Auth } from '../auth/auth';
import type { Credential, MeetingAccess } from '../auth/credential';
import type { OriginPolicy } from '../auth/originPolicy';
import { SESSION_COOKIE } from '../auth/sessionCookie';
import { apiError } from './apiErrors';

declare module 'hono' {
  interface ContextVariableMap {
    /** The request's verified credential, or null (set by `authenticate`). */
    credential: Credential | null;
    /** The credential's role in the meeting of a /api/meetings/:id route (set by `requireMeetingAccess`). */
    meetingAccess: MeetingAccess;
  }
}

export interface AccessDeps {
  auth: Auth;
  origins: OriginPolicy;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session routes answer without a credential (exchange, link check) or report its absence themselves. */
const isSessionRoute = (path: string) => path === '/api/session' || path === '/api/session/link';
/** Personal links carry their own signed token in the path (http/myItems.ts checks it). */
const isPersonalLinkRoute = (path: string) => path.startsWith('/api/my/');

/** Resolves the credential; 401 for /api routes without one, 403 for cookie writes from a foreign origin. */
export function authenticate({ auth, origins }: AccessDeps): MiddlewareHandler {
  return async (c, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    let credential: Credential | null;
    if (bearer !== undefined) {
      credential = await auth.readBearer(bearer);
      if (!credential) return apiError(c, 401, ErrorCode.unauthorized, 'the bearer token is not valid (expired, revoked or wrong)');
    } else {
      credential = auth.readSession(getCookie(c, SESSION_COOKIE));
      if (credential && !SAFE_METHODS.has(c.req.method) && !fromAllowedOrigin(c, origins)) {
        return apiError(c, 403, ErrorCode.forbidden, 'requests that change something must come from this app');
      }
    }
    c.set('credential', credential);
    if (!credential && !isSessionRoute(c.req.path) && !isPersonalLinkRoute(c.req.path)) {
      return apiError(c, 401, ErrorCode.unauthorized, 'sign in first: open the sign-in link you were given');
    }
    await next();
  };
}

/** For /api/meetings/:id and below: 403 unless the credential has at least `minimum` there. */
export function requireMeetingAccess(auth: Auth, minimum: Role = 'observer'): MiddlewareHandler {
  return async (c, next) => {
    const credential = c.get('credential');
    if (!credential) return apiError(c, 401, ErrorCode.unauthorized, 'sign in first: open the sign-in link you were given');
    const meetingId = c.req.param('id') ?? '';
    const access = await auth.accessTo(credential, meetingId);
    if (!access) return apiError(c, 403, ErrorCode.forbidden, 'you have no access to this meeting (the link may have been revoked)');
    if (!roleAtLeast(access.role, minimum)) {
      return apiError(c, 403, ErrorCode.forbidden, `only a ${minimum} may do this`);
    }
    c.set('meetingAccess', access);
    await next();
  };
}

/**
 * Inside a meeting route: 403 unless the caller's role there is at least `minimum` (or what
 * `minimum(c)` says for this request). The role comes from requireMeetingAccess; without it (a
 * route mounted where that did not run) everyone is refused: it never defaults to allowing.
 */
export function requireRole(minimum: Role | ((c: Context) => Role)): MiddlewareHandler {
  return async (c, next) => {
    const access = c.get('meetingAccess');
    if (!access) return apiError(c, 403, ErrorCode.forbidden, 'you have no access to this meeting');
    const needed = typeof minimum === 'function' ? minimum(c) : minimum;
    if (!roleAtLeast(access.role, needed)) return apiError(c, 403, ErrorCode.forbidden, `only a ${needed} may do this`);
    await next();
  };
}

/** 403 unless the workspace admin. */
export function requireAdmin(): MiddlewareHandler {
  return async (c, next) => {
    if (!c.get('credential')?.admin) return apiError(c, 403, ErrorCode.forbidden, 'only the workspace admin may do this');
    await next();
  };
}

function fromAllowedOrigin(c: Context, origins: OriginPolicy): boolean {
  const origin = c.req.header('origin');
  if (origin !== undefined) return origins.isAllowed(origin, c.req.header('host'));
  // No Origin: accept only what the browser itself marks as same-origin.
  return c.req.header('sec-fetch-site') === 'same-origin';
}
