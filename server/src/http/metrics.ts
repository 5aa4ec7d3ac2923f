/**
 * GET /metrics (Prometheus text format). Not public: with METRICS_TOKEN set it wants
 * `Authorization: Bearer <METRICS_TOKEN>` from anyone; without it, only callers on the loopback
 * interface, and not through a proxy (a request carrying Forwarded / X-Forwarded-For came through
 * one, which would make every caller look local).
 */
import { timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { ErrorCode } from '@suishin/shared';
import type { ServerMetrics } from '../metrics/serverMetrics';
import { apiError } from './apiErrors';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

const sameToken = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

export function metricsRoutes(metrics: ServerMetrics, token: string | null) {
  return new Hono().get('/metrics', async (c) => {
    if (token !== null) {
      const header = c.req.header('authorization') ?? '';
      const given = /^Bearer (\S+)$/i.exec(header)?.[1];
      if (!given || !sameToken(given, token)) {
        c.header('www-authenticate', 'Bearer realm="metrics"');
        return apiError(c, 401, ErrorCode.unauthorized, 'metrics need Authorization: Bearer <METRICS_TOKEN>');
      }
    } else {
      const address = getConnInfo(c).remote.address ?? '';
      if (!LOOPBACK.test(address) || c.req.header('x-forwarded-for') !== undefined || c.req.header('forwarded') !== undefined) {
        return apiError(c, 403, ErrorCode.forbidden, 'metrics are served to loopback callers only unless METRICS_TOKEN is set');
      }
    }
    c.header('content-type', metrics.registry.contentType);
    c.header('cache-control', 'no-store');
    return c.body(await metrics.scrape());
  });
}
