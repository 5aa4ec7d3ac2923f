/**
 * What a verified credential says, whatever carried it (session cookie, bearer token, ticket).
 * Times are epoch milliseconds.
 */
import type { Role } from '@suishin/shared';

/** The right to open one meeting as `role`, valid while the meeting's key version is `keyVersion`. */
export interface Grant {
  meetingId: string;
  role: Role;
  keyVersion: number;
  expiresAt: number;
}

export interface Credential {
  /** How it arrived: the cookie-backed session, or a bearer token on one request. */
  kind: 'session' | 'admin-token' | 'link-token';
  /** Identifies one browser sign-in; open sockets of the same session follow its renames and rotations. */
  sessionId: string | null;
  admin: boolean;
  name: string | null;
  grants: Grant[];
  expiresAt: number;
  /**
   * Who this is, as far as the sync server's client-id bindings care (sync/clientOwners.ts): one
   * browser session, the admin token, or one role link token used as a bearer. Opaque and stable.
   */
  principal: string;
}

/** A credential's standing in one meeting, once checked against expiry and the current key version. */
export interface MeetingAccess {
  meetingId: string;
  role: Role;
  admin: boolean;
  name: string | null;
  sessionId: string | null;
  /** The key version the grant was issued under; null for the admin (never revoked by rotation). */
  keyVersion: number | null;
  /** The credential's principal (Credential.principal). */
  principal: string;
  /** When this access ends (epoch ms): the grant's or the session's expiry; Infinity for the admin token. */
  expiresAt: number;
}
