/**
 * 議事録確認 (minutes sign-off): attendees approve a version of the minutes or ask for a
 * correction; the body's rule says when the minutes are 確定 (final). Only responses to the newest
 * version count: an approval of version 1 says nothing about version 2.
 */
import * as z from 'zod/mini';

/** All attendees, a majority of them, or the chair alone. */
export const SIGN_OFF_RULES = ['all', 'majority', 'chair'] as const;
export type SignOffRule = (typeof SIGN_OFF_RULES)[number];
export const DEFAULT_SIGN_OFF_RULE: SignOffRule = 'all';
export const signOffRuleSchema = z.enum(SIGN_OFF_RULES);

/** 確認待ち / 修正依頼あり / 確定. */
export type SignOffState = 'pending' | 'correctionRequested' | 'final';

export interface MinutesVersion {
  version: number;
  /** The minutes as Markdown. */
  text: string;
  /** Who wrote this version (the facilitator applying a correction; the export for version 1). */
  author: string;
  /** Epoch ms. */
  at: number;
  /** Why this version was made (the corrections it applies); empty for version 1. */
  note: string;
}

export type ReviewKind = 'approve' | 'correction';

export interface ReviewResponse {
  attendee: string;
  version: number;
  kind: ReviewKind;
  /** Required for a correction, optional for an approval. */
  comment: string;
  at: number;
}

export interface SignOffStatus {
  state: SignOffState;
  /** The newest version, or null before there is one. */
  version: number | null;
  /** Attendees whose last response to the newest version is an approval, in attendee order. */
  approvedBy: string[];
  /** Correction requests on the newest version still open (the attendee's last response). */
  openCorrections: ReviewResponse[];
  /** Attendees who have not answered the newest version. */
  waitingFor: string[];
}

/** Each attendee's last response to `version`. */
function lastResponses(responses: readonly ReviewResponse[], version: number): Map<string, ReviewResponse> {
  const last = new Map<string, ReviewResponse>();
  for (const r of [...responses].sort((a, b) => a.at - b.at)) if (r.version === version) last.set(r.attendee, r);
  return last;
}

/**
 * The sign-off state of the newest version. Under "all" and "majority" an open correction request
 * holds the minutes back (someone says they are wrong); under "chair" the chair's approval decides.
 */
export function signOffStatus(input: {
  rule: SignOffRule;
  attendees: readonly string[];
  /** The body's chair (議長); null when the body has none. */
  chair: string | null;
  versions: readonly MinutesVersion[];
  responses: readonly ReviewResponse[];
}): SignOffStatus {
  const latest = input.versions.reduce<number | null>((max, v) => (max === null || v.version > max ? v.version : max), null);
  if (latest === null) return { state: 'pending', version: null, approvedBy: [], openCorrections: [], waitingFor: [...input.attendees] };
  const last = lastResponses(input.responses, latest);
  const attendees = new Set(input.attendees);
  const approvedBy = input.attendees.filter((a) => last.get(a)?.kind === 'approve');
  const openCorrections = [...last.values()].filter((r) => r.kind === 'correction' && attendees.has(r.attendee));
  const waitingFor = input.attendees.filter((a) => !last.has(a));
  const approvals = approvedBy.length;
  let met: boolean;
  if (input.rule === 'chair') met = input.chair !== null && last.get(input.chair)?.kind === 'approve';
  else if (input.rule === 'majority') met = openCorrections.length === 0 && approvals * 2 > input.attendees.length;
  else met = input.attendees.length > 0 && approvals === input.attendees.length;
  const state: SignOffState = met ? 'final' : openCorrections.length > 0 ? 'correctionRequested' : 'pending';
  return { state, version: latest, approvedBy, openCorrections, waitingFor };
}
