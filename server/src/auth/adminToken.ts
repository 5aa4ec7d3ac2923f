/**
 * The workspace admin's sign-in token: SUISHIN_ADMIN_TOKEN when set, otherwise derived from the
 * server secret (stable across restarts, so the printed sign-in URL keeps working until the secret
 * is replaced). Compared through SHA-256 digests with timingSafeEqual, so neither the length nor
 * the content leaks through timing.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export function deriveAdminToken(secret: Buffer): string {
  return createHmac('sha256', secret).update('suishin/admin-token').digest('base64url');
}

export function isAdminToken(candidate: string, adminToken: string): boolean {
  const a = createHash('sha256').update(candidate, 'utf8').digest();
  const b = createHash('sha256').update(adminToken, 'utf8').digest();
  return timingSafeEqual(a, b);
}
