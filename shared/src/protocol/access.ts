/**
 * Who may do what in a meeting, and the REST shapes of sign-in, role links and socket tickets.
 *
 * - facilitator: runs the meeting (start, timer, next item, end), exports, shares links.
 * - participant: edits the document (agenda, notes, attendees, outcomes).
 * - observer: reads and is present (awareness), never changes the document.
 * The workspace admin is facilitator in every meeting and the only one who creates meetings.
 * The server enforces all of this; the UI only hides what a role cannot do.
 */
import type { MeetingMeta } from '../schema/records';

export const ROLES = ['facilitator', 'participant', 'observer'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { observer: 0, participant: 1, facilitator: 2 };

/** True when `role` may do everything `required` may. */
export function roleAtLeast(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}

/**
 * Meta fields only facilitation commands write (shared/src/model/facilitation.ts). An update from
 * anyone but a facilitator that changes one of them is refused, so a participant cannot start,
 * steer or end the meeting by crafting a document update.
 */
export const FACILITATOR_ONLY_META_FIELDS = [
  'status',
  'currentAgendaItemId',
  'timer',
  'startedAt',
  'endedAt',
] as const satisfies readonly (keyof MeetingMeta)[];

/**
 * Reasons in the y-protocols/auth "permission denied" message the sync server sends when it drops
 * a document update. The connection stays open: reading and presence continue.
 */
export const PermissionDenied = {
  /** Observer, or the meeting has ended: no document update is accepted. */
  readOnly: 'read-only',
  /** The update changed facilitation state (status, timer, running item) and the sender is not a facilitator. */
  facilitatorOnly: 'facilitator-only',
  /** The update would end the meeting: meetings end through the closing checklist (POST /api/meetings/:id/end). */
  endThroughClosing: 'end-through-closing',
} as const;

/**
 * Why the server dropped an update it cannot apply as it is, whoever sent it. Sent like a
 * PermissionDenied reason (`<reason>: <detail>` in the permission-denied message, the bare reason
 * in saveFailed); the socket stays open.
 */
export const UpdateRefused = {
  /** It refers to content (or deletes past content) the meeting does not have: the tab's copy went astray. */
  outOfRange: 'out-of-range',
  /** It writes under a Yjs client id that another sign-in already writes under. */
  clientIdTaken: 'client-id-taken',
  /** A record it changes breaks the document's layout (a field of the wrong type or size, an unknown key). */
  invalidRecord: 'invalid-record',
} as const;

/** The URL fragment key that carries a sign-in or role-link token (`#token=…`). */
export const TOKEN_FRAGMENT_KEY = 'token';
/** The query parameter that carries a single-use socket ticket (`/sync/<id>?ticket=…`). */
export const TICKET_QUERY_KEY = 'ticket';

/** Longest display name, in characters (same limit as presence names). */
export const MAX_DISPLAY_NAME_LENGTH = 40;
/** Bounds of a role link's lifetime. */
export const MIN_LINK_HOURS = 1;
export const MAX_LINK_HOURS = 24 * 90;

/** One meeting this session may open, and as what. */
export interface MeetingGrant {
  meetingId: string;
  role: Role;
  /** ISO 8601; the grant ends with the link it came from. */
  expiresAt: string;
}

/** `GET /api/session` (and the answer to POST/PATCH): who this browser is. */
export interface SessionInfo {
  /** The workspace admin: facilitator in every meeting, creates meetings. */
  admin: boolean;
  /** The display name chosen when joining; null until one is chosen. */
  name: string | null;
  /** Valid grants only (expired or revoked ones are left out). */
  grants: MeetingGrant[];
}

/** `POST /api/session`: exchange an admin token or a role-link token for the session cookie. */
export interface SessionExchangeRequest {
  token: string;
  name?: string;
}

export interface SessionExchangeResponse extends SessionInfo {
  /** The meeting the exchanged role link opens; null for the admin token. */
  meetingId: string | null;
}

/** Why a role link opens nothing: forged or garbled, past its end, revoked, or its meeting is gone. */
export type LinkRefusal = 'invalid' | 'expired' | 'revoked' | 'unknown-meeting';

/** `POST /api/session/link`: what a role link would open, asked before anyone types a name. */
export interface LinkCheckRequest {
  token: string;
}

/** Always 200: a dead link is an answer, not an error (the join page says it up front). */
export type LinkCheckResponse =
  | { valid: true; meetingId: string; role: Role; expiresAt: string }
  | { valid: false; reason: LinkRefusal };

/** `PATCH /api/session`. */
export interface SessionRenameRequest {
  name: string;
}

/** `POST /api/meetings/:id/links` (facilitators). */
export interface CreateLinkRequest {
  role: Role;
  expiresInHours: number;
}

export interface CreateLinkResponse {
  /** `<origin>/m/<meetingId>/join#token=…`: the token stays in the fragment, out of server logs. */
  url: string;
  role: Role;
  expiresAt: string;
}

/** `POST /api/meetings/:id/links/rotate` (facilitators): every link shared so far stops working. */
export interface RotateLinksResponse {
  rotatedAt: string;
}

/** `POST /api/meetings/:id/ticket` (an empty body or `{}` too). */
export interface TicketRequest {
  /** Scripts with a bearer token: the name they appear under in presence (a session shows its own). */
  name?: string;
}

/** `POST /api/meetings/:id/ticket`: a single-use credential for one socket, valid for seconds. */
export interface TicketResponse {
  ticket: string;
  expiresAt: string;
}
