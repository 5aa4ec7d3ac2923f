/**
 * Credentials for integration tests, obtained the way a script would: the admin token as a bearer
 * token, role links made through the API, single-use socket tickets.
 */
import { TOKEN_FRAGMENT_KEY, type CreateLinkResponse, type Role, type TicketResponse } from '@suishin/shared';

/** What a test needs to reach a running server. */
export interface ServerEndpoint {
  httpUrl: string;
  syncUrl: string;
  adminToken: string;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
export const adminHeaders = (server: ServerEndpoint) => bearer(server.adminToken);

/** A JSON request as the admin; resolves with the status and the parsed body. */
export async function adminApi<T = any>(server: ServerEndpoint, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.httpUrl}${path}`, {
    method,
    headers: { ...adminHeaders(server), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as T };
}

/** A role link for `meetingId`, made by the admin; resolves with its URL and the token in its fragment. */
export async function createRoleLink(
  server: ServerEndpoint,
  meetingId: string,
  role: Role,
  expiresInHours = 24,
): Promise<{ url: string; token: string }> {
  const res = await fetch(`${server.httpUrl}/api/meetings/${meetingId}/links`, {
    method: 'POST',
    headers: { ...adminHeaders(server), 'content-type': 'application/json' },
    body: JSON.stringify({ role, expiresInHours }),
  });
  if (res.status !== 201) throw new Error(`create link: ${res.status} ${await res.text()}`);
  const { url } = (await res.json()) as CreateLinkResponse;
  const token = new URLSearchParams(new URL(url).hash.slice(1)).get(TOKEN_FRAGMENT_KEY);
  if (!token) throw new Error(`no token in ${url}`);
  return { url, token };
}

/** A single-use socket ticket for `meetingId`, issued to the bearer `token` (default: the admin). */
export async function fetchTicket(
  server: ServerEndpoint,
  meetingId: string,
  options: { token?: string; name?: string } = {},
): Promise<string> {
  const res = await fetch(`${server.httpUrl}/api/meetings/${meetingId}/ticket`, {
    method: 'POST',
    headers: { ...bearer(options.token ?? server.adminToken), 'content-type': 'application/json' },
    body: JSON.stringify(options.name === undefined ? {} : { name: options.name }),
  });
  if (res.status !== 201) throw new Error(`ticket: ${res.status} ${await res.text()}`);
  return ((await res.json()) as TicketResponse).ticket;
}

/** Signs in like a browser (POST /api/session) and resolves with the `name=value` of the session cookie. */
export async function signIn(server: ServerEndpoint, token: string, name?: string): Promise<string> {
  const res = await fetch(`${server.httpUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(name === undefined ? { token } : { token, name }),
  });
  if (res.status !== 200) throw new Error(`sign in: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('suishin_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0]!;
}

/**
 * A WebSocket handshake on a raw TCP socket, reading every byte the server sends until it closes
 * the connection (or `waitMs` passes): to show that a refused upgrade gets an HTTP status and not
 * one byte more.
 */
export async function rawUpgrade(
  httpUrl: string,
  path: string,
  headers: Record<string, string> = {},
  waitMs = 3000,
): Promise<{ statusLine: string; received: Buffer; closedByServer: boolean }> {
  const { connect } = await import('node:net');
  const { randomBytes } = await import('node:crypto');
  const url = new URL(httpUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (closedByServer: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const received = Buffer.concat(chunks);
      resolve({ statusLine: received.toString('latin1').split('\r\n')[0] ?? '', received, closedByServer });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('error', (e) => (settled ? undefined : reject(e)));
    socket.on('connect', () => {
      const lines = [
        `GET ${path} HTTP/1.1`,
        `Host: ${url.host}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
        'Sec-WebSocket-Version: 13',
        ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      ];
      socket.write(lines.join('\r\n') + '\r\n\r\n');
    });
  });
}
