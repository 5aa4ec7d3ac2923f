/**
 * Recording audit entries from routes: who (the request's credential and its role in the meeting),
 * from where (the peer address and User-Agent), never how they proved it (no token, cookie or ticket).
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { AuditKind, AuditOrigin } from '@suishin/shared/protocol';
import { actorOf, type AuditEvent, type AuditTrail } from '../audit/auditTrail';

declare module 'hono' {
  interface ContextVariableMap {
    /** The audit trail (set by `withAudit`); unset in apps built without one. */
    audit: AuditTrail | undefined;
  }
}

export function withAudit(trail: AuditTrail | undefined): MiddlewareHandler {
  return async (c, next) => {
    c.set('audit', trail);
    await next();
  };
}

export function requestOrigin(c: Context): AuditOrigin {
  let address: string | null;
  try {
    address = getConnInfo(c).remote.address ?? null;
  } catch {
    address = null; // not served by @hono/node-server (app.request in a test)
  }
  return { address, userAgent: c.req.header('user-agent')?.slice(0, 200) ?? null };
}

/** Records `kind` for this request: its credential and meeting role unless `event` names another actor. */
export function recordAudit(c: Context, kind: AuditKind, event: AuditEvent = {}): Promise<void> {
  const trail = c.get('audit');
  if (!trail) return Promise.resolve();
  const access = c.get('meetingAccess');
  return trail.record(kind, {
    meetingId: event.meetingId ?? access?.meetingId ?? null,
    actor: event.actor !== undefined ? event.actor : actorOf(c.get('credential'), access?.role ?? null),
    from: requestOrigin(c),
    detail: event.detail ?? {},
  });
}
