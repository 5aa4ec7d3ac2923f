import type { CreateLinkRequest, CreateLinkResponse, TicketRequest, TicketResponse } from '@suishin/shared/protocol';
import { ApiError } from '../../api/apiError';
import { request } from '../../api/request';

/** How long the projector's links last: a day of meetings in that room. */
export const PROJECTOR_LINK_HOURS = 24;

/**
 * A socket ticket for the projector, asked with its own observer link (not the cookie of whoever
 * opened it): its socket is an observer's, which the server lets write nothing. Null when the link
 * opens nothing any more (revoked, expired).
 */
export async function projectorTicket(meetingId: string, screenToken: string): Promise<string | null> {
  const body: TicketRequest = {};
  try {
    const answer = await request<TicketResponse>(`/api/meetings/${encodeURIComponent(meetingId)}/ticket`, {
      method: 'POST',
      body,
      bearer: screenToken,
      signingIn: true, // its 401 is the projector's dead link, not this browser's session
    });
    return answer.ticket;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return null;
    throw error;
  }
}

/** The projector's two links (facilitators): an observer link for the screen, a participant link for its QR code. */
export async function createProjectorLinks(meetingId: string): Promise<{ screen: CreateLinkResponse; join: CreateLinkResponse }> {
  const path = `/api/meetings/${encodeURIComponent(meetingId)}/links`;
  const ask = (role: CreateLinkRequest['role']) => {
    const body: CreateLinkRequest = { role, expiresInHours: PROJECTOR_LINK_HOURS };
    return request<CreateLinkResponse>(path, { method: 'POST', body });
  };
  const [screen, join] = await Promise.all([ask('observer'), ask('participant')]);
  return { screen, join };
}
