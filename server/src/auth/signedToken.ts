/**
 * Signed tokens: `s1.<payload>.<mac>`, where payload is base64url JSON and mac is
 * base64url(HMAC-SHA256(purposeKey, "s1." + purpose + "." + payload)).
 *
 * Each purpose (role link, session, ticket) signs with its own key derived from the server
 * secret, and the purpose is part of the signed text too, so a token of one kind is never accepted
 * as another. The MAC is compared with timingSafeEqual. Tokens are not encrypted: the payload holds
 * nothing secret (meeting id, role, expiry, a display name).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';

const VERSION = 's1';

export type TokenPurpose = 'link' | 'session' | 'ticket' | 'review' | 'personal';

export type VerifyFailure = 'malformed' | 'bad-signature' | 'expired';

export type VerifyResult<T> = { ok: true; payload: T } | { ok: false; reason: VerifyFailure };

/** Every payload carries its expiry in epoch seconds. */
export interface ExpiringPayload {
  exp: number;
}

export class TokenSigner {
  private readonly keys: Record<TokenPurpose, Buffer>;

  constructor(secret: Buffer) {
    const derive = (purpose: string) => createHmac('sha256', secret).update(`suishin/${purpose}`).digest();
    this.keys = {
      link: derive('link'),
      session: derive('session'),
      ticket: derive('ticket'),
      review: derive('review'),
      personal: derive('personal'),
    };
  }

  sign<T extends ExpiringPayload>(purpose: TokenPurpose, payload: T): string {
    const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    return `${VERSION}.${body}.${this.mac(purpose, body).toString('base64url')}`;
  }

  /** Checks the signature first, then the shape (`schema`), then the expiry against `nowMs`. */
  verify<T extends ExpiringPayload>(
    purpose: TokenPurpose,
    token: string,
    schema: z.ZodType<T>,
    nowMs: number,
  ): VerifyResult<T> {
    if (token.length > 8192) return { ok: false, reason: 'malformed' };
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== VERSION) return { ok: false, reason: 'malformed' };
    const [, body, mac] = parts as [string, string, string];
    const given = Buffer.from(mac, 'base64url');
    const expected = this.mac(purpose, body);
    // Re-encoding must give back the same text: base64 decoding ignores stray bits, and a token
    // should have exactly one spelling.
    if (given.length !== expected.length || given.toString('base64url') !== mac || !timingSafeEqual(given, expected)) {
      return { ok: false, reason: 'bad-signature' };
    }
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) return { ok: false, reason: 'malformed' };
    if (parsed.data.exp * 1000 <= nowMs) return { ok: false, reason: 'expired' };
    return { ok: true, payload: parsed.data };
  }

  private mac(purpose: TokenPurpose, body: string): Buffer {
    return createHmac('sha256', this.keys[purpose]).update(`${VERSION}.${purpose}.${body}`).digest();
  }
}
