/**
 * The access REST calls: sign in (exchange a token for the session cookie), who am I, rename,
 * role links and their rotation. Tokens go in JSON bodies, never in URLs.
 */
import type {
  CreateLinkRequest,
  CreateLinkResponse,
  LinkCheckRequest,
  LinkCheckResponse,
  Role,
  RotateLinksResponse,
  SessionExchangeRequest,
  SessionExchangeResponse,
  SessionInfo,
  SessionRenameRequest,
} from '@suishin/shared/protocol';
import { request } from '../../api/request';

export function fetchSession(): Promise<SessionInfo> {
  return request('/api/session');
}

export function exchangeToken(token: string, name?: string): Promise<SessionExchangeResponse> {
  const body: SessionExchangeRequest = name ? { token, name } : { token };
  return request('/api/session', { method: 'POST', body, signingIn: true });
}

/** What a role link opens (or why it opens nothing), without signing in. */
export function checkLink(token: string): Promise<LinkCheckResponse> {
  const body: LinkCheckRequest = { token };
  return request('/api/session/link', { method: 'POST', body, signingIn: true });
}

export function renameSession(name: string): Promise<SessionInfo> {
  const body: SessionRenameRequest = { name };
  return request('/api/session', { method: 'PATCH', body });
}

export function createRoleLink(meetingId: string, role: Role, expiresInHours: number): Promise<CreateLinkResponse> {
  const body: CreateLinkRequest = { role, expiresInHours };
  return request(`/api/meetings/${encodeURIComponent(meetingId)}/links`, { method: 'POST', body });
}

export function rotateRoleLinks(meetingId: string): Promise<RotateLinksResponse> {
  return request(`/api/meetings/${encodeURIComponent(meetingId)}/links/rotate`, { method: 'POST' });
}
