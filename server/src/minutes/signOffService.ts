/**
 * 議事録確認 (minutes sign-off) over a SignOffStore: the facilitator issues one review link per
 * attendee (a signed token naming a stored link, so it can be revoked, and expiring); the attendee
 * approves the newest version or asks for a correction; the facilitator applies corrections as a
 * new version. Every refusal is a SignOffError with an HTTP status and a code, and changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { minutesDiff, signOffStatus, type DiffPart, type MinutesVersion, type ReviewKind, type SignOffRule, type SignOffStatus } from '@suishin/shared';
import type { Role } from '@suishin/shared/protocol';
import type { TokenSigner } from '../auth/signedToken';
import type { SignOffStore } from './signOffStore';

export type SignOffErrorCode = 'bad-token' | 'expired' | 'revoked' | 'forbidden' | 'unknown-version' | 'not-newest-version' | 'not-ended' | 'invalid-input';

export class SignOffError extends Error {
  constructor(
    readonly code: SignOffErrorCode,
    readonly status: 400 | 401 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

const reviewPayload = z.object({ lid: z.string().min(1).max(100), exp: z.number() });

export const MAX_COMMENT = 2000;

export interface SignOffDeps {
  store: SignOffStore;
  signer: TokenSigner;
  now?: () => number;
}

export interface IssuedLink {
  linkId: string;
  attendee: string;
  token: string;
  expiresAt: number;
}

export interface ReviewView {
  meetingId: string;
  attendee: string;
  versions: MinutesVersion[];
  /** The change from the previous version to the newest (empty for version 1). */
  diff: DiffPart[];
}

export function signOffService({ store, signer, now = Date.now }: SignOffDeps) {
  const requireFacilitator = (role: Role) => {
    if (role !== 'facilitator') throw new SignOffError('forbidden', 403, `only the facilitator may do this, not a ${role} / 進行役のみ操作できます`);
  };

  /** The link a token names, when the token is genuine, unexpired and the link not revoked. */
  async function linkOf(token: string) {
    const verified = signer.verify('review', token, reviewPayload, now());
    if (!verified.ok) {
      throw verified.reason === 'expired'
        ? new SignOffError('expired', 401, 'this review link has expired / この確認リンクは期限切れです')
        : new SignOffError('bad-token', 401, 'this review link is not valid / この確認リンクは無効です');
    }
    const link = await store.link(verified.payload.lid);
    if (!link) throw new SignOffError('bad-token', 401, 'this review link is not valid / この確認リンクは無効です');
    if (link.revoked) throw new SignOffError('revoked', 401, 'this review link was revoked / この確認リンクは取り消されました');
    return link;
  }

  return {
    /** Version 1 from the ended meeting's minutes (once), then a link for each attendee. */
    async issueLinks(input: { role: Role; meetingId: string; ended: boolean; attendees: readonly string[]; minutesText: string; author: string; ttlHours: number }): Promise<IssuedLink[]> {
      requireFacilitator(input.role);
      if (!input.ended) throw new SignOffError('not-ended', 409, 'review links are issued after the meeting ends / 確認リンクは会議の終了後に発行します');
      if (!Number.isInteger(input.ttlHours) || input.ttlHours < 1 || input.ttlHours > 24 * 60) throw new SignOffError('invalid-input', 400, 'ttlHours must be a whole number 1–1440');
      if ((await store.versions(input.meetingId)).length === 0) {
        await store.addVersion(input.meetingId, null, { text: input.minutesText, author: input.author, note: '', at: now() });
      }
      const expiresAt = now() + input.ttlHours * 3_600_000;
      const issued: IssuedLink[] = [];
      for (const attendee of new Set(input.attendees)) {
        const linkId = randomUUID();
        await store.addLink({ linkId, meetingId: input.meetingId, attendee, expiresAt });
        issued.push({ linkId, attendee, expiresAt, token: signer.sign('review', { lid: linkId, exp: Math.floor(expiresAt / 1000) }) });
      }
      return issued;
    },

    async revoke(role: Role, meetingId: string, linkId: string): Promise<void> {
      requireFacilitator(role);
      if (!(await store.revokeLink(meetingId, linkId))) throw new SignOffError('invalid-input', 404, `no review link ${linkId} in this meeting`);
    },

    async review(token: string): Promise<ReviewView> {
      const link = await linkOf(token);
      const versions = await store.versions(link.meetingId);
      const [before, after] = versions.slice(-2);
      return { meetingId: link.meetingId, attendee: link.attendee, versions, diff: after && before ? minutesDiff(before.text, after.text) : [] };
    },

    /** An approval or a correction request, for the newest version only. */
    async respond(token: string, input: { version: number; kind: ReviewKind; comment: string }): Promise<void> {
      const link = await linkOf(token);
      const comment = input.comment.trim();
      if (input.kind === 'correction' && comment === '') throw new SignOffError('invalid-input', 400, 'a correction request needs a comment / 修正依頼にはコメントが必要です');
      if (comment.length > MAX_COMMENT) throw new SignOffError('invalid-input', 400, `comment is longer than ${MAX_COMMENT} characters`);
      const versions = await store.versions(link.meetingId);
      const newest = versions.at(-1)?.version;
      if (newest !== undefined && input.version !== newest && versions.some((v) => v.version === input.version)) {
        throw new SignOffError('not-newest-version', 409, `version ${input.version} is not the newest (${newest}) / 最新版（第${newest}版）を確認してください`);
      }
      const result = await store.respond(link.meetingId, { attendee: link.attendee, version: input.version, kind: input.kind, comment, at: now() });
      if (!result.ok) throw new SignOffError('unknown-version', 404, `no version ${input.version} of these minutes / 第${input.version}版はありません`);
    },

    /** The facilitator's corrected minutes as the next version. */
    async applyCorrection(input: { role: Role; meetingId: string; basedOn: number; text: string; author: string; note: string }): Promise<number> {
      requireFacilitator(input.role);
      if (input.text.trim() === '') throw new SignOffError('invalid-input', 400, 'the corrected minutes must not be empty / 議事録が空です');
      const result = await store.addVersion(input.meetingId, input.basedOn, { text: input.text, author: input.author, note: input.note.trim(), at: now() });
      if (!result.ok) {
        throw result.reason === 'unknown-version'
          ? new SignOffError('unknown-version', 404, `no version ${input.basedOn} of these minutes`)
          : new SignOffError('not-newest-version', 409, `version ${input.basedOn} is not the newest any more: reload and apply again / 他の修正が先に反映されました`);
      }
      return result.version;
    },

    async status(input: { meetingId: string; rule: SignOffRule; attendees: readonly string[]; chair: string | null }): Promise<SignOffStatus & { versions: MinutesVersion[] }> {
      const [versions, responses] = await Promise.all([store.versions(input.meetingId), store.responses(input.meetingId)]);
      return { ...signOffStatus({ ...input, versions, responses }), versions };
    },
  };
}
