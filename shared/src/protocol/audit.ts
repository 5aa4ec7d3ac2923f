/**
 * `GET /api/audit` (the workspace admin): the audit trail, newest first, a page at a time. An entry
 * says what happened, who did it, when and from where; it never holds a token (nor a cookie, ticket
 * or the secret): only the kind of credential and an opaque id of the person.
 */
import type { Role } from './access';
import type { PageInfo, QueryParams } from './paging';

export const AUDIT_KINDS = [
  'signIn', // a token was exchanged for a session (admin token or role link)
  'signOut',
  'roleChanged', // a signed-in session took a link for a meeting where it had another role
  'linkCreated',
  'linksRevoked', // every link of a meeting revoked (its access key rotated)
  'linkExpired', // an expired link was presented (sign-in or ticket refused)
  'meetingStarted',
  'meetingEnded',
  'meetingDeleted', // moved to the trash
  'meetingRestored', // taken back out of the trash
  'meetingPurged', // removed for good (by the admin, or TRASH_DAYS after its deletion)
  'exported', // a file downloaded (minutes, CSV, ICS, JSON)
  'trackerPushed',
  'backupMade',
  'backupFailed',
  'restored',
  'settingsChanged', // a series' settings created or changed
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** Who did it; null for the server itself (a scheduled backup) or a process at the console. */
export interface AuditActor {
  /** The display name they signed in with, if any. */
  name: string | null;
  /** 'admin' for the workspace admin, else their role in the entry's meeting; null when none applies. */
  role: Role | 'admin' | null;
  /** An opaque, stable id of one sign-in (one browser session, the admin token, one link used by a script). */
  id: string | null;
}

/** Where it came from: the peer address of the request (a proxy's, behind one) and its User-Agent. */
export interface AuditOrigin {
  address: string | null;
  userAgent: string | null;
}

export type AuditDetail = Record<string, string | number | boolean | null>;

export interface AuditEntry {
  id: number;
  /** ISO 8601, UTC. */
  at: string;
  kind: AuditKind;
  meetingId: string | null;
  actor: AuditActor | null;
  from: AuditOrigin | null;
  detail: AuditDetail;
}

export interface AuditQuery {
  meeting?: string;
  /** A display name (exact) or an actor id. */
  person?: string;
  kind?: AuditKind;
  cursor?: string;
  limit?: number;
}
export type AuditQueryParams = QueryParams<AuditQuery>;

export interface AuditPage extends PageInfo {
  entries: AuditEntry[];
}
