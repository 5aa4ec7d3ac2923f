/**
 * Turns tokens into credentials and credentials into a role in a meeting. No HTTP or socket code:
 * http/ reads cookies and headers and calls this; sync/ checks upgrades and tickets with it.
 *
 * Credentials:
 * - the admin token (printed sign-in URL, or SUISHIN_ADMIN_TOKEN): the workspace admin;
 * - a role link token `{meeting, role, key version, expiry}`, made by a facilitator;
 * - the session cookie, which a browser gets by exchanging one of the above (several links add up);
 * - a socket ticket: single-use, valid for TICKET_SECONDS, for clients that cannot send the cookie.
 * Role links, session grants and tickets carry the meeting's access key version; rotating the key
 * (a facilitator's "revoke links") invalidates all of them at once. The admin is never revoked
 * that way; replacing the server secret signs everybody out.
 *
 * Signing out ends one session (its `sid`) on the server: the revocation is kept in the store until
 * the cookie would have expired, and in memory (loaded by `loadSignedOut` before the server listens),
 * so checking a cookie or a ticket stays a Map lookup.
 */
import { EventEmitter } from 'node:events';
import type { Role } from '@suishin/shared';
import type { MeetingStore } from '../persistence/store';
import { AccessKeys } from './accessKeys';
import { isAdminToken } from './adminToken';
import type { Credential, Grant, MeetingAccess } from './credential';
import { normalizeDisplayName } from './displayName';
import { TokenSigner } from './signedToken';
import {
  linkPayload,
  principalOf,
  randomId,
  sessionPayload,
  ticketPayload,
  toSeconds,
  type SessionPayload,
} from './tokenPayloads';

const DAY_MS = 24 * 60 * 60 * 1000;
/** An admin sign-in lasts this long; sign in again with the admin URL afterwards. */
export const ADMIN_SESSION_MS = 30 * DAY_MS;
/** A ticket must be used within this time. */
export const TICKET_SECONDS = 30;
/** Grants kept per session (the cookie must stay under 4 KiB); the ones expiring soonest are dropped first. */
const MAX_GRANTS = 24;

import type { LinkRefusal } from '@suishin/shared/protocol';
export type { LinkRefusal };

export type ExchangeResult =
  | { ok: true; credential: Credential; meetingId: string | null }
  | { ok: false; reason: LinkRefusal };

export type TicketResult =
  | { ok: true; access: MeetingAccess }
  | { ok: false; status: 401 | 403; reason: string };

export interface AuthOptions {
  secret: Buffer;
  adminToken: string;
  store: MeetingStore;
  now?: () => number;
}

/** Events: 'rotated' (meetingId, keyVersion, sessionId | null), 'renamed' (sessionId, name), 'signedOut' (sessionId). */
export class Auth {
  readonly keys: AccessKeys;
  readonly events = new EventEmitter();
  private readonly signer: TokenSigner;
  private readonly adminToken: string;
  private readonly now: () => number;
  /** Nonces of redeemed tickets, until they expire. */
  private readonly usedTickets = new Map<string, number>();
  /** Signed-out session ids → when their cookie expires (after which they need no entry). */
  private readonly signedOut = new Map<string, number>();
  private readonly store: MeetingStore;

  constructor(options: AuthOptions) {
    this.signer = new TokenSigner(options.secret);
    this.adminToken = options.adminToken;
    this.store = options.store;
    this.keys = new AccessKeys(options.store);
    this.now = options.now ?? Date.now;
  }

  /** Reads the stored sign-outs; call before answering any request. */
  async loadSignedOut(): Promise<void> {
    for (const { sessionId, expiresAt } of await this.store.listRevokedSessions()) this.signedOut.set(sessionId, expiresAt);
  }

  // ── Credentials from requests ────────────────────────────────────────────────────────────────

  /** The session in a cookie value, or null if missing, tampered with or expired. */
  readSession(cookie: string | undefined): Credential | null {
    if (!cookie) return null;
    const result = this.signer.verify('session', cookie, sessionPayload, this.now());
    if (!result.ok) return null;
    const p = result.payload;
    if (this.signedOut.has(p.sid)) return null;
    return {
      kind: 'session',
      sessionId: p.sid,
      admin: p.adm,
      name: p.nm,
      grants: p.g.map((g) => ({ meetingId: g.m, role: g.r, keyVersion: g.k, expiresAt: g.exp * 1000 })),
      expiresAt: p.exp * 1000,
      principal: principalOf('session', p.sid),
    };
  }

  /** `Authorization: Bearer <admin token | role link token>` for scripts; null if neither verifies. */
  async readBearer(token: string): Promise<Credential | null> {
    if (isAdminToken(token, this.adminToken)) {
      return {
        kind: 'admin-token',
        sessionId: null,
        admin: true,
        name: null,
        grants: [],
        expiresAt: Infinity,
        principal: principalOf('admin-token', 'admin'),
      };
    }
    const link = await this.verifyLink(token);
    if (!link.ok) return null;
    return {
      kind: 'link-token',
      sessionId: null,
      admin: false,
      name: null,
      grants: [link.grant],
      expiresAt: link.grant.expiresAt,
      principal: principalOf('link-token', token),
    };
  }

  // ── Sessions ─────────────────────────────────────────────────────────────────────────────────

  /**
   * Exchanges an admin token or a role link token for a session, added to `existing` (the
   * browser's current session, if any): the link's grant replaces an earlier one for the same
   * meeting. `name` (when given and not empty) becomes the session's display name.
   */
  async exchange(token: string, name: unknown, existing: Credential | null): Promise<ExchangeResult> {
    const base = existing?.kind === 'session' ? existing : null;
    const chosenName = normalizeDisplayName(name) ?? base?.name ?? null;
    const sessionId = base?.sessionId ?? randomId();
    const grants = (base?.grants ?? []).filter((g) => g.expiresAt > this.now());
    if (isAdminToken(token, this.adminToken)) {
      const expiresAt = Math.max(this.now() + ADMIN_SESSION_MS, ...grants.map((g) => g.expiresAt));
      return {
        ok: true,
        meetingId: null,
        credential: { kind: 'session', sessionId, admin: true, name: chosenName, grants, expiresAt, principal: principalOf('session', sessionId) },
      };
    }
    const link = await this.verifyLink(token);
    if (!link.ok) return link;
    const kept = grants.filter((g) => g.meetingId !== link.grant.meetingId);
    const merged = [link.grant, ...kept].sort((a, b) => b.expiresAt - a.expiresAt).slice(0, MAX_GRANTS);
    const admin = base?.admin ?? false;
    const expiresAt = Math.max(admin ? (base?.expiresAt ?? 0) : 0, ...merged.map((g) => g.expiresAt));
    return {
      ok: true,
      meetingId: link.grant.meetingId,
      credential: { kind: 'session', sessionId, admin, name: chosenName, grants: merged, expiresAt, principal: principalOf('session', sessionId) },
    };
  }

  /** What a role link would open, without signing in (the join page asks before taking a name). */
  checkLink(token: string): Promise<{ ok: true; grant: Grant } | { ok: false; reason: LinkRefusal }> {
    return this.verifyLink(token);
  }

  /** The same session under a new display name; null if the name is empty. */
  rename(credential: Credential, name: unknown): Credential | null {
    const normalized = normalizeDisplayName(name);
    if (normalized === null) return null;
    const next = { ...credential, name: normalized };
    if (credential.sessionId) this.events.emit('renamed', credential.sessionId, normalized);
    return next;
  }

  /**
   * Ends the session on the server: from now on its cookie (and any ticket issued to it) opens
   * nothing, here at once and after a restart once the store has it; its open sockets are told
   * ('signedOut'). Rejects if the store could not record it (it still holds until this process ends).
   */
  async signOut(credential: Credential): Promise<void> {
    const sessionId = credential.sessionId;
    if (credential.kind !== 'session' || sessionId === null) return;
    const now = this.now();
    for (const [id, expiresAt] of this.signedOut) if (expiresAt <= now) this.signedOut.delete(id);
    this.signedOut.set(sessionId, credential.expiresAt);
    this.events.emit('signedOut', sessionId);
    await this.store.revokeSession(sessionId, credential.expiresAt);
  }

  /** Whether the session was signed out (its cookie and tickets are dead). */
  isSignedOut(sessionId: string | null): boolean {
    return sessionId !== null && this.signedOut.has(sessionId);
  }

  /** The cookie value for a session credential and its lifetime in seconds. */
  sessionCookie(credential: Credential): { value: string; maxAgeSeconds: number } {
    const payload: SessionPayload = {
      sid: credential.sessionId ?? randomId(),
      adm: credential.admin,
      nm: credential.name,
      g: credential.grants.map((g) => ({ m: g.meetingId, r: g.role, k: g.keyVersion, exp: toSeconds(g.expiresAt) })),
      exp: toSeconds(credential.expiresAt),
    };
    return {
      value: this.signer.sign('session', payload),
      maxAgeSeconds: Math.max(0, Math.floor((credential.expiresAt - this.now()) / 1000)),
    };
  }

  /** The grants that still open their meeting (not expired, key not rotated since). */
  async validGrants(credential: Credential): Promise<Grant[]> {
    const valid: Grant[] = [];
    for (const grant of credential.grants) {
      if (grant.expiresAt <= this.now()) continue;
      if ((await this.keys.current(grant.meetingId)) === grant.keyVersion) valid.push(grant);
    }
    return valid;
  }

  // ── One meeting ──────────────────────────────────────────────────────────────────────────────

  /** The credential's role in `meetingId`, or null if it has none (or it expired or was revoked). */
  async accessTo(credential: Credential, meetingId: string): Promise<MeetingAccess | null> {
    const common = { meetingId, name: credential.name, sessionId: credential.sessionId, principal: credential.principal };
    if (credential.admin) return { ...common, role: 'facilitator', admin: true, keyVersion: null, expiresAt: credential.expiresAt };
    const grant = credential.grants.find((g) => g.meetingId === meetingId && g.expiresAt > this.now());
    if (!grant) return null;
    if ((await this.keys.current(meetingId)) !== grant.keyVersion) return null;
    return { ...common, role: grant.role, admin: false, keyVersion: grant.keyVersion, expiresAt: Math.min(grant.expiresAt, credential.expiresAt) };
  }

  /** A role link token for `meetingId`, valid for `hours` or until the meeting's key is rotated. */
  async issueLink(meetingId: string, role: Role, hours: number): Promise<{ token: string; expiresAt: number }> {
    const version = await this.keys.current(meetingId);
    if (version === null) throw new Error(`unknown meeting ${meetingId}`);
    const expiresAt = this.now() + hours * 60 * 60 * 1000;
    return { token: this.signer.sign('link', { m: meetingId, r: role, k: version, exp: toSeconds(expiresAt) }), expiresAt };
  }

  /**
   * Revokes every link and grant for `meetingId` issued so far. The rotating session (`by`) keeps
   * its own access: the returned credential carries its grant under the new key (set it as its
   * cookie); null when `by` is not a session with a grant there (the admin needs none).
   */
  async rotate(meetingId: string, by: Credential): Promise<Credential | null> {
    const version = await this.keys.rotate(meetingId);
    this.events.emit('rotated', meetingId, version, by.sessionId);
    if (by.kind !== 'session' || !by.grants.some((g) => g.meetingId === meetingId)) return null;
    return { ...by, grants: by.grants.map((g) => (g.meetingId === meetingId ? { ...g, keyVersion: version } : g)) };
  }

  // ── Socket tickets ───────────────────────────────────────────────────────────────────────────

  issueTicket(access: MeetingAccess): { ticket: string; expiresAt: number } {
    const expiresAt = this.now() + TICKET_SECONDS * 1000;
    const ticket = this.signer.sign('ticket', {
      m: access.meetingId,
      r: access.role,
      k: access.keyVersion,
      adm: access.admin,
      sid: access.sessionId,
      nm: access.name,
      pr: access.principal,
      ax: Number.isFinite(access.expiresAt) ? toSeconds(access.expiresAt) : null,
      n: randomId(),
      exp: toSeconds(expiresAt),
    });
    return { ticket, expiresAt };
  }

  /** Checks a ticket for `meetingId` and uses it up. */
  async redeemTicket(ticket: string, meetingId: string): Promise<TicketResult> {
    const result = this.signer.verify('ticket', ticket, ticketPayload, this.now());
    if (!result.ok) return { ok: false, status: 401, reason: result.reason === 'expired' ? 'ticket expired' : 'invalid ticket' };
    const p = result.payload;
    if (p.m !== meetingId) return { ok: false, status: 403, reason: 'ticket is for another meeting' };
    this.pruneUsedTickets();
    if (this.usedTickets.has(p.n)) return { ok: false, status: 401, reason: 'ticket already used' };
    this.usedTickets.set(p.n, p.exp * 1000); // used up before any await, so two sockets can never share it
    if (p.k !== null && (await this.keys.current(meetingId)) !== p.k) {
      return { ok: false, status: 403, reason: 'access revoked' };
    }
    if (this.isSignedOut(p.sid)) return { ok: false, status: 401, reason: 'signed out' };
    return {
      ok: true,
      access: {
        meetingId,
        role: p.r,
        admin: p.adm,
        name: p.nm,
        sessionId: p.sid,
        keyVersion: p.k,
        principal: p.pr,
        expiresAt: p.ax === null ? Infinity : p.ax * 1000,
      },
    };
  }

  // ── Internals ────────────────────────────────────────────────────────────────────────────────

  private async verifyLink(token: string): Promise<{ ok: true; grant: Grant } | { ok: false; reason: LinkRefusal }> {
    const result = this.signer.verify('link', token, linkPayload, this.now());
    if (!result.ok) return { ok: false, reason: result.reason === 'expired' ? 'expired' : 'invalid' };
    const p = result.payload;
    const version = await this.keys.current(p.m);
    if (version === null) return { ok: false, reason: 'unknown-meeting' };
    if (version !== p.k) return { ok: false, reason: 'revoked' };
    return { ok: true, grant: { meetingId: p.m, role: p.r, keyVersion: p.k, expiresAt: p.exp * 1000 } };
  }

  private pruneUsedTickets() {
    // Every ticket lives TICKET_SECONDS, so insertion order is expiry order: drop from the front.
    const now = this.now();
    for (const [nonce, expiresAt] of this.usedTickets) {
      if (expiresAt > now) break;
      this.usedTickets.delete(nonce);
    }
  }
}
