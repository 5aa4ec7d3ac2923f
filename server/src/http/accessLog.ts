import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logger';

/**
 * One debug line per request: method, path, status, time. The path only, never the query string
 * or headers: credentials travel in cookies, bodies, Authorization headers and URL fragments, and
 * none of those are logged (a test greps the log for them).
 */
export function accessLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    logger.debug('http', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: +(performance.now() - started).toFixed(1),
    });
  };
}
