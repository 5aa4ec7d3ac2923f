/**
 * /api/meetings/:id/links, /links/rotate and /ticket: sharing a meeting and opening its socket.
 * Mounted after `requireMeetingAccess`, so every route here already knows the caller's role.
 *
 * - links: a facilitator makes a role link; its token goes in the URL fragment (`#token=`), which
 *   browsers never send to a server, so it stays out of access logs and Referer headers.
 * - rotate: a facilitator revokes every link shared so far (and the sessions and sockets opened
 *   with them) by moving the meeting to a new access key; the facilitator's own session follows.
 * - ticket: a single-use, 30-second credential for one socket, for clients that cannot send the
 *   cookie (Node scripts, the stock y-websocket client), passed as `?ticket=`.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import {
  MAX_LINK_HOURS,
  MIN_LINK_HOURS,
  ROLES,
  TOKEN_FRAGMENT_KEY,
} from '@suishin/shared';
import type { CreateLinkRequest, CreateLinkResponse, RotateLinksResponse, TicketRequest, TicketResponse } from '@suishin/shared/protocol';
import { normalizeDisplayName } from '../auth/displayName';
import { invalidInput } from './apiErrors';
import { requireRole, type AccessDeps } from './authenticate';
import { setSessionCookie } from './session';
import { recordAudit } from './auditRecording';

export interface MeetingAccessDeps extends AccessDeps {
  publicUrl: string | null;
}

const linkBody = z
  .object({ role: z.enum(ROLES), expiresInHours: z.number().int().min(MIN_LINK_HOURS).max(MAX_LINK_HOURS) })
  .strict();
const ticketBody = z.object({ name: z.string().max(400).optional() }).strict();

export function meetingAccessRoutes({ auth, origins, publicUrl }: MeetingAccessDeps) {
  const app = new Hono();

  app.post('/:id/links', requireRole('facilitator'), async (c) => {
    const parsed = linkBody.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return invalidInput(c, `expected { role: ${ROLES.join(' | ')}, expiresInHours: ${MIN_LINK_HOURS}–${MAX_LINK_HOURS} }`, String(issue?.path[0] ?? ''));
    }
    const input: CreateLinkRequest = parsed.data;
    const meetingId = c.req.param('id');
    const { token, expiresAt } = await auth.issueLink(meetingId, input.role, input.expiresInHours);
    // Links open where people reach the app: PUBLIC_URL, else the page the facilitator is using.
    const origin = c.req.header('origin');
    const base = publicUrl ?? (origin && origins.isAllowed(origin, c.req.header('host')) ? origin : origins.fallbackOrigin);
    const body: CreateLinkResponse = {
      url: `${base}/m/${encodeURIComponent(meetingId)}/join#${TOKEN_FRAGMENT_KEY}=${token}`,
      role: input.role,
      expiresAt: new Date(expiresAt).toISOString(),
    };
    await recordAudit(c, 'linkCreated', { detail: { role: input.role, expiresAt: body.expiresAt } });
    return c.json(body, 201);
  });

  app.post('/:id/links/rotate', requireRole('facilitator'), async (c) => {
    const credential = c.get('credential')!;
    const kept = await auth.rotate(c.req.param('id'), credential);
    if (kept) setSessionCookie(c, auth, kept, publicUrl);
    const body: RotateLinksResponse = { rotatedAt: new Date().toISOString() };
    await recordAudit(c, 'linksRevoked');
    return c.json(body);
  });

  app.post('/:id/ticket', async (c) => {
    const raw = await c.req.text();
    const parsed = ticketBody.safeParse(raw.trim() === '' ? {} : safeJson(raw));
    if (!parsed.success) return invalidInput(c, 'expected {} or { name } ', 'name');
    const input: TicketRequest = parsed.data;
    const access = { ...c.get('meetingAccess') };
    // A session shows its own name; a script with a bearer token says which name it appears under.
    if (c.get('credential')?.kind !== 'session') access.name = normalizeDisplayName(input.name) ?? access.name;
    const { ticket, expiresAt } = auth.issueTicket(access);
    const body: TicketResponse = { ticket, expiresAt: new Date(expiresAt).toISOString() };
    return c.json(body, 201);
  });

  return app;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
