/**
 * The storage seam of 議事録確認 (minutes sign-off): the versions of an ended meeting's minutes
 * (never changed once written: a correction is a new version), the attendees' responses, and the
 * review links issued (so one can be revoked). SQLite: persistence/sqlite/sqliteSignOffStore.ts;
 * memory: testing/memory/memorySignOffStore.ts; contract: testing/contracts/signOffStoreContract.ts.
 */
import type { MinutesVersion, ReviewResponse } from '@suishin/shared';

export interface ReviewLink {
  linkId: string;
  meetingId: string;
  attendee: string;
  /** Epoch ms. */
  expiresAt: number;
  revoked: boolean;
}

/** Why a write was refused; the store changed nothing. */
export type SignOffRefusal = 'unknown-version' | 'not-newest-version';

export interface SignOffStore {
  /**
   * Adds the next version (1 for the first). `basedOn` is the version the author edited: when it
   * is not the newest any more (someone applied another correction meanwhile) the write is
   * refused, so no correction silently drops another.
   */
  addVersion(meetingId: string, basedOn: number | null, version: Omit<MinutesVersion, 'version'>): Promise<{ ok: true; version: number } | { ok: false; reason: SignOffRefusal }>;
  /** Oldest first. */
  versions(meetingId: string): Promise<MinutesVersion[]>;
  /** Records a response to an existing version of the meeting's minutes. */
  respond(meetingId: string, response: ReviewResponse): Promise<{ ok: true } | { ok: false; reason: SignOffRefusal }>;
  /** Oldest first. */
  responses(meetingId: string): Promise<ReviewResponse[]>;
  addLink(link: Omit<ReviewLink, 'revoked'>): Promise<void>;
  link(linkId: string): Promise<ReviewLink | null>;
  /** Newest first. */
  links(meetingId: string): Promise<ReviewLink[]>;
  /** False when there is no such link of that meeting. */
  revokeLink(meetingId: string, linkId: string): Promise<boolean>;
}
