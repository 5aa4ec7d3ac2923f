/**
 * Tokens and credentials without a server: signing and verifying (expiry, tampering, kind),
 * role links (wrong meeting, rotation), sessions (merging links), tickets (single use).
 */
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../persistence/sqlite/sqliteStore';
import { makeTempDir } from '../testing/testServer';
import { Auth, TICKET_SECONDS } from './auth';
import { deriveAdminToken, isAdminToken } from './adminToken';
import { TokenSigner } from './signedToken';
import { linkPayload, ticketPayload } from './tokenPayloads';

const secret = Buffer.from('a test secret that is long enough to sign with', 'utf8');

async function setup() {
  const store = openSqliteStore({ dataDir: makeTempDir() });
  for (const id of ['m1', 'm2']) await store.createMeeting(id, new Uint8Array([0, 0]), { title: id, status: 'draft', scheduledStart: null });
  let now = Date.UTC(2026, 10, 28, 9);
  const auth = new Auth({ secret, adminToken: 'the-admin-token-of-this-test', store, now: () => now });
  return { auth, store, advance: (ms: number) => (now += ms), now: () => now };
}

describe('signed tokens', () => {
  const signer = new TokenSigner(secret);
  const payload = { m: 'm1', r: 'observer' as const, k: 1, exp: 2_000_000_000 };

  it('verifies what it signed, until it expires', () => {
    const token = signer.sign('link', payload);
    expect(signer.verify('link', token, linkPayload, 1_000)).toEqual({ ok: true, payload });
    expect(signer.verify('link', token, linkPayload, 2_000_000_000_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a tampered payload or signature, another secret, and a token of another kind', () => {
    const token = signer.sign('link', payload);
    const [v, body, mac] = token.split('.') as [string, string, string];
    const forgedBody = Buffer.from(JSON.stringify({ ...payload, r: 'facilitator' })).toString('base64url');
    expect(signer.verify('link', `${v}.${forgedBody}.${mac}`, linkPayload, 0)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(signer.verify('link', `${v}.${body}.${mac.slice(0, -1)}`, linkPayload, 0)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(signer.verify('link', `${v}.${body}.`, linkPayload, 0)).toEqual({ ok: false, reason: 'bad-signature' });
    const other = new TokenSigner(Buffer.from('another secret, just as long as the first one', 'utf8'));
    expect(other.verify('link', token, linkPayload, 0)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(signer.verify('ticket', token, ticketPayload, 0)).toEqual({ ok: false, reason: 'bad-signature' });
    for (const junk of ['', 'x', 's1..', 'v9.a.b', `${token}.extra`, 'x'.repeat(10_000)]) {
      expect(signer.verify('link', junk, linkPayload, 0).ok).toBe(false);
    }
  });

  it('refuses a well-signed payload of the wrong shape', () => {
    const token = signer.sign('link', { ...payload, r: 'owner' } as never);
    expect(signer.verify('link', token, linkPayload, 0)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('admin token', () => {
  it('is stable for a secret, differs between secrets, and compares exactly', () => {
    expect(deriveAdminToken(secret)).toBe(deriveAdminToken(secret));
    expect(deriveAdminToken(secret)).not.toBe(deriveAdminToken(Buffer.from('another secret of enough length here')));
    expect(isAdminToken('abc', 'abc')).toBe(true);
    expect(isAdminToken('abc', 'abcd')).toBe(false);
    expect(isAdminToken('', 'abc')).toBe(false);
  });
});

describe('role links and sessions', () => {
  it('a link opens its own meeting only, as its role, until it expires', async () => {
    const { auth, advance } = await setup();
    const { token } = await auth.issueLink('m1', 'participant', 2);
    const exchanged = await auth.exchange(token, '  Sato   Hanako ', null);
    if (!exchanged.ok) throw new Error(exchanged.reason);
    expect(exchanged.meetingId).toBe('m1');
    expect(exchanged.credential).toMatchObject({ admin: false, name: 'Sato Hanako' });
    expect(await auth.accessTo(exchanged.credential, 'm1')).toMatchObject({ role: 'participant', name: 'Sato Hanako' });
    expect(await auth.accessTo(exchanged.credential, 'm2')).toBeNull();
    advance(2 * 60 * 60 * 1000);
    expect(await auth.accessTo(exchanged.credential, 'm1')).toBeNull();
    expect(await auth.exchange(token, 'x', null)).toEqual({ ok: false, reason: 'expired' });
  });

  it('rotating the key revokes earlier links and grants; later links work', async () => {
    const { auth } = await setup();
    const before = await auth.issueLink('m1', 'observer', 24);
    const other = await auth.issueLink('m2', 'observer', 24);
    const session = await auth.exchange(before.token, 'Olivia', null);
    if (!session.ok) throw new Error('exchange failed');
    const admin = await auth.exchange('the-admin-token-of-this-test', 'Admin', null);
    if (!admin.ok) throw new Error('admin exchange failed');
    await auth.rotate('m1', admin.credential);
    expect(await auth.exchange(before.token, 'Olivia', null)).toEqual({ ok: false, reason: 'revoked' });
    expect(await auth.accessTo(session.credential, 'm1')).toBeNull();
    expect((await auth.exchange(other.token, 'Olivia', null)).ok).toBe(true); // another meeting is untouched
    const after = await auth.issueLink('m1', 'observer', 24);
    expect((await auth.exchange(after.token, 'Olivia', null)).ok).toBe(true);
    expect(await auth.accessTo(admin.credential, 'm1')).toMatchObject({ role: 'facilitator', admin: true });
  });

  it('the rotating facilitator keeps access under the new key', async () => {
    const { auth } = await setup();
    const link = await auth.issueLink('m1', 'facilitator', 24);
    const session = await auth.exchange(link.token, 'Fumi', null);
    if (!session.ok) throw new Error('exchange failed');
    const kept = await auth.rotate('m1', session.credential);
    expect(await auth.accessTo(session.credential, 'm1')).toBeNull();
    expect(await auth.accessTo(kept!, 'm1')).toMatchObject({ role: 'facilitator', keyVersion: 2 });
  });

  it('links add up in one session; a newer link for the same meeting replaces the older grant', async () => {
    const { auth } = await setup();
    const first = await auth.exchange((await auth.issueLink('m1', 'observer', 24)).token, 'Kei', null);
    if (!first.ok) throw new Error('exchange failed');
    const second = await auth.exchange((await auth.issueLink('m2', 'participant', 24)).token, undefined, first.credential);
    if (!second.ok) throw new Error('exchange failed');
    const third = await auth.exchange((await auth.issueLink('m1', 'participant', 24)).token, undefined, second.credential);
    if (!third.ok) throw new Error('exchange failed');
    expect(third.credential.sessionId).toBe(first.credential.sessionId);
    expect(third.credential.name).toBe('Kei');
    expect((await auth.validGrants(third.credential)).map((g) => [g.meetingId, g.role]).sort()).toEqual([
      ['m1', 'participant'],
      ['m2', 'participant'],
    ]);
  });

  it('a session survives the cookie round trip, and a tampered cookie is no session', async () => {
    const { auth } = await setup();
    const exchanged = await auth.exchange((await auth.issueLink('m1', 'participant', 24)).token, 'Pat', null);
    if (!exchanged.ok) throw new Error('exchange failed');
    const { value, maxAgeSeconds } = auth.sessionCookie(exchanged.credential);
    expect(maxAgeSeconds).toBe(24 * 60 * 60);
    expect(auth.readSession(value)).toEqual({ ...exchanged.credential, expiresAt: exchanged.credential.expiresAt });
    expect(auth.readSession(value.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).toBeNull();
    expect(auth.readSession(undefined)).toBeNull();
  });
});

describe('session cookie size', () => {
  it('stays under the 4 KiB browsers keep, however many links a person opens', async () => {
    const { auth, store } = await setup();
    let credential = null;
    for (let i = 0; i < 40; i++) {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      await store.createMeeting(id, new Uint8Array([0, 0]), { title: id, status: 'draft', scheduledStart: null });
      const link = await auth.issueLink(id, 'participant', 24 * 90);
      const result = await auth.exchange(link.token, '長い名前の参加者さん'.repeat(3), credential);
      if (!result.ok) throw new Error(result.reason);
      credential = result.credential;
    }
    expect(credential!.grants).toHaveLength(24);
    const { value } = auth.sessionCookie(credential!);
    expect(`suishin_session=${value}`.length).toBeLessThan(4096);
    expect(auth.readSession(value)?.grants).toHaveLength(24);
  });
});

describe('socket tickets', () => {
  it('work once, for their meeting, within their lifetime', async () => {
    const { auth, advance } = await setup();
    const access = { meetingId: 'm1', role: 'participant' as const, admin: false, name: 'Pat', sessionId: 's', keyVersion: 1, principal: 'p-s', expiresAt: 1_900_000_000_000 };
    const { ticket } = auth.issueTicket(access);
    expect(await auth.redeemTicket(ticket, 'm2')).toMatchObject({ ok: false, status: 403 });
    const again = auth.issueTicket(access).ticket;
    expect(await auth.redeemTicket(again, 'm1')).toEqual({ ok: true, access });
    expect(await auth.redeemTicket(again, 'm1')).toEqual({ ok: false, status: 401, reason: 'ticket already used' });
    const late = auth.issueTicket(access).ticket;
    advance(TICKET_SECONDS * 1000);
    expect(await auth.redeemTicket(late, 'm1')).toEqual({ ok: false, status: 401, reason: 'ticket expired' });
  });

  it('a ticket issued before a rotation is refused', async () => {
    const { auth } = await setup();
    const { ticket } = auth.issueTicket({ meetingId: 'm1', role: 'observer', admin: false, name: null, sessionId: null, keyVersion: 1, principal: 'p', expiresAt: Infinity });
    await auth.keys.rotate('m1');
    expect(await auth.redeemTicket(ticket, 'm1')).toEqual({ ok: false, status: 403, reason: 'access revoked' });
  });
});
