/**
 * What a caller may see of the workspace's meetings, for the read routes (archive, search,
 * registers, dashboards, series): the workspace admin sees everything, anyone else the meetings
 * their valid grants open.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { ErrorCode } from '@suishin/shared';

/** Where the caller's meeting grants come from (the access layer's Auth; structural, so this module needs nothing of it). */
export interface GrantSource {
  validGrants(credential: never): Promise<Array<{ meetingId: string }>>;
}

interface CredentialLike {
  admin?: boolean;
}

const credentialOf = (c: Context) => (c.get as (key: string) => unknown)('credential') as CredentialLike | undefined;

/** The meetings the caller may open: null = all (the workspace admin, or no access layer wired). */
export async function visibleMeetings(c: Context, auth: GrantSource | undefined): Promise<Set<string> | null> {
  if (!auth) return null;
  const credential = credentialOf(c);
  if (!credential) return new Set();
  if (credential.admin) return null;
  return new Set((await auth.validGrants(credential as never)).map((g) => g.meetingId));
}

/** 403 unless the workspace admin (or no access layer wired). */
export function requireAdminIf(auth: GrantSource | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (auth && !credentialOf(c)?.admin) {
      return c.json({ error: { code: ErrorCode.forbidden, message: 'only the workspace admin may do this' } }, 403);
    }
    await next();
  };
}
