/**
 * Page cursors: `c1.<position>.<mac>`, the position base64url JSON (a keyset: the last row's sort
 * values) and the MAC an HMAC over the list's name, its filters and the position. A cursor therefore
 * works only for the query that produced it: one from other filters, cut short or changed by hand
 * is refused with a 400, never read as some other place in some other list. Positions hold nothing
 * secret (sort values the caller has seen), so they are signed, not encrypted.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';

const VERSION = 'c1';

export type CursorResult<T> = { ok: true; position: T } | { ok: false; message: string };

export class CursorCodec {
  private readonly key: Buffer;

  /** `secret`: the server secret (cursors stay valid across restarts); a random key without one. */
  constructor(secret?: Buffer | string) {
    this.key = createHmac('sha256', secret ?? randomBytes(32)).update('suishin/cursor').digest();
  }

  encode(list: string, filters: object, position: unknown): string {
    const body = Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
    return `${VERSION}.${body}.${this.mac(list, filters, body).toString('base64url')}`;
  }

  decode<T>(list: string, filters: object, cursor: string, schema: z.ZodType<T>): CursorResult<T> {
    const refused = { ok: false, message: 'cursor: not a cursor of this list with these filters (start again from the first page)' } as const;
    const parts = cursor.split('.');
    if (parts.length !== 3 || parts[0] !== VERSION) return refused;
    const [, body, mac] = parts as [string, string, string];
    const given = Buffer.from(mac, 'base64url');
    const expected = this.mac(list, filters, body);
    if (given.length !== expected.length || given.toString('base64url') !== mac || !timingSafeEqual(given, expected)) return refused;
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return refused;
    }
    const parsed = schema.safeParse(json);
    return parsed.success ? { ok: true, position: parsed.data } : refused;
  }

  private mac(list: string, filters: object, body: string): Buffer {
    return createHmac('sha256', this.key).update(`${VERSION}\n${list}\n${canonical(filters)}\n${body}`).digest();
  }
}

/** The filters as JSON with sorted keys and no empty values: the same query always signs the same. */
function canonical(filters: object): string {
  const entries = Object.entries(filters)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}
