import type { MiddlewareHandler } from 'hono';

/**
 * Headers on every response: no MIME sniffing (an export is never run as a script or page it is
 * not), no framing by other sites (clickjacking of the Share dialog), no full URLs in Referer, and
 * API answers (sessions, links, tickets) never stored by caches.
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'same-origin');
    if (c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store');
  };
}
