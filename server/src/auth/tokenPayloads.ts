/**
 * The payloads signed into role links, session cookies and socket tickets, with short keys
 * (they travel in URLs and cookies). Validated with these schemas after the signature checks out.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ROLES } from '@suishin/shared';

const meetingId = z.string().min(1).max(128);
const role = z.enum(ROLES);
/** Epoch seconds. */
const seconds = z.number().int().nonnegative();

/** A role link: open meeting `m` as `r`, while its key version is `k`, until `exp`. */
export const linkPayload = z.object({ m: meetingId, r: role, k: z.number().int().positive(), exp: seconds }).strict();
export type LinkPayload = z.infer<typeof linkPayload>;

const grant = z.object({ m: meetingId, r: role, k: z.number().int().positive(), exp: seconds }).strict();

/** A session: who (sid, name), admin or not, which meetings. */
export const sessionPayload = z
  .object({
    sid: z.string().min(8).max(64),
    adm: z.boolean(),
    nm: z.string().max(200).nullable(),
    g: z.array(grant).max(24),
    exp: seconds,
  })
  .strict();
export type SessionPayload = z.infer<typeof sessionPayload>;

/**
 * A ticket: one socket to meeting `m`, as the credential it was issued to; `n` makes it single-use.
 * `pr` is that credential's principal; `ax` when its access ends (epoch seconds; null: never), which
 * the socket opened with the ticket keeps (the ticket's own `exp` only bounds when it can be used).
 */
export const ticketPayload = z
  .object({
    m: meetingId,
    r: role,
    k: z.number().int().positive().nullable(),
    adm: z.boolean(),
    sid: z.string().max(64).nullable(),
    nm: z.string().max(200).nullable(),
    pr: z.string().min(1).max(64),
    ax: seconds.nullable(),
    n: z.string().min(16).max(64),
    exp: seconds,
  })
  .strict();
export type TicketPayload = z.infer<typeof ticketPayload>;

export const randomId = (bytes = 16) => randomBytes(bytes).toString('base64url');

/** A principal id: a digest, so stored client-id bindings hold no session id or token. */
export const principalOf = (kind: 'session' | 'admin-token' | 'link-token', secretPart: string) =>
  createHash('sha256').update(`${kind}:${secretPart}`).digest('base64url').slice(0, 27);
export const toSeconds = (ms: number) => Math.floor(ms / 1000);
