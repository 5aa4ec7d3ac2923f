/**
 * The session cookie: HttpOnly (scripts never see it), SameSite=Strict, Path=/, Secure when the
 * server is reached over https (PUBLIC_URL or the request's own scheme).
 *
 * Why Strict and not Lax: the page shell (index.html and assets) is public, and every request that
 * needs the session (fetch to /api, the sync socket) is made by our own page, i.e. same-site. So a
 * link followed from chat or mail (a cross-site top-level navigation, which Strict sends no cookie
 * with) loses nothing, and no cross-site request, not even a top-level GET, ever carries it.
 */
import { parse } from 'hono/utils/cookie';

export const SESSION_COOKIE = 'suishin_session';

export function readSessionCookie(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  return parse(cookieHeader, SESSION_COOKIE)[SESSION_COOKIE];
}

export function sessionCookieOptions(secure: boolean, maxAgeSeconds: number) {
  return { httpOnly: true, sameSite: 'Strict' as const, secure, path: '/', maxAge: maxAgeSeconds };
}
