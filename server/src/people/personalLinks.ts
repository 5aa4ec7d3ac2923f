/**
 * Personal links (/my/<token>): an owner without an account opens the list of their own items.
 * A token is signed with its own purpose key (auth/signedToken.ts: never accepted as a role link
 * or a session), names one person of one workspace and the person's link version, and expires.
 * Revoking bumps the version (PeopleStore.rotateLinks), like rotating a meeting's access key.
 *
 * A bad or expired signature is 401 (not a link of ours / no longer valid); a revoked version or a
 * person since removed is 403 (it was ours, it is withdrawn).
 */
import { z } from 'zod';
import { toSeconds } from '../auth/tokenPayloads';
import type { TokenSigner } from '../auth/signedToken';
import type { PeopleStore } from './peopleStore';
import type { Person } from './person';

/** The workspace a link is for: one per server today; a link of another workspace never opens here. */
export const WORKSPACE_ID = 'default';
export const PERSONAL_LINK_DAYS = 30;

const payload = z.object({ p: z.string().min(1).max(64), w: z.string().min(1).max(64), k: z.number().int().positive(), exp: z.number().int().nonnegative() }).strict();

export type LinkCheck = { ok: true; person: Person } | { ok: false; status: 401 | 403; message: string };

export class PersonalLinks {
  constructor(
    private readonly signer: TokenSigner,
    private readonly people: PeopleStore,
    private readonly now: () => number = Date.now,
  ) {}

  issue(person: Person, days = PERSONAL_LINK_DAYS): { token: string; expiresAt: number } {
    const expiresAt = this.now() + days * 86_400_000;
    return { token: this.signer.sign('personal', { p: person.id, w: WORKSPACE_ID, k: person.linkVersion, exp: toSeconds(expiresAt) }), expiresAt };
  }

  async check(token: string): Promise<LinkCheck> {
    const result = this.signer.verify('personal', token, payload, this.now());
    if (!result.ok) {
      const message = result.reason === 'expired' ? 'this personal link has expired: ask for a new one' : 'this is not a valid personal link';
      return { ok: false, status: 401, message };
    }
    const { p, w, k } = result.payload;
    if (w !== WORKSPACE_ID) return { ok: false, status: 401, message: 'this personal link is for another workspace' };
    const person = await this.people.get(p);
    if (!person || person.linkVersion !== k) return { ok: false, status: 403, message: 'this personal link was revoked: ask for a new one' };
    return { ok: true, person };
  }
}
