/**
 * The access REST calls: sign in (exchange a token for the session cookie), who am I, rename,
 * role links and their rotation. Tokens go in JSON bodies, never in URLs.
 */
import type {
  CreateLinkResponse,
  Role,
  RotateLinksResponse,
  SessionExchangeResponse,
  SessionInfo,
} from '@suishin/shared/protocol';
import { request } from '../meetings/meetingsApi';

export function fetchSession(): Promise<SessionInfo> {
  return request('/api/session');
}

export function exchangeToken(token: string, name?: string): Promise<SessionExchangeResponse> {
  return request('/api/session', { method: 'POST', body: JSON.stringify(name ? { token, name } : { token }) });
}

export function renameSession(name: string): Promise<SessionInfo> {
  return request('/api/session', { method: 'PATCH', body: JSON.stringify({ name }) });
}

export function createRoleLink(meetingId: string, role: Role, expiresInHours: number): Promise<CreateLinkResponse> {
  return request(`/api/meetings/${encodeURIComponent(meetingId)}/links`, {
    method: 'POST',
    body: JSON.stringify({ role, expiresInHours }),
  });
}

export function rotateRoleLinks(meetingId: string): Promise<RotateLinksResponse> {
  return request(`/api/meetings/${encodeURIComponent(meetingId)}/links/rotate`, { method: 'POST' });
}
