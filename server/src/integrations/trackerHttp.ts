import { bodySnippet, type PreparedRequest, type TrackerClient } from './trackerClient';

/**
 * Sending to trackers: bounded retries with exponential backoff for 429 and 5xx, honouring
 * Retry-After, with every wait and clock injectable so tests never really sleep.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Backoff before retry n (1-based) is baseDelayMs × 2^(n−1), with jitter, capped at maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the item fails and says when to retry. */
  maxRetryAfterMs: number;
  /** Per-request time limit. */
  timeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
  timeoutMs: 30_000,
};

export interface HttpDeps {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  /** Epoch ms, for Retry-After given as an HTTP date. */
  now: () => number;
  /** In [0, 1), for jitter. */
  random: () => number;
  policy: RetryPolicy;
  /** Called before each wait (for logs); never given credentials. */
  onRetry?: (info: { attempt: number; status: number | null; delayMs: number }) => void;
}

/** A final HTTP answer (success or not), or a failure to get one worth reading. */
export type SendOutcome =
  | { kind: 'answered'; status: number; body: unknown; headers: Headers; attempts: number }
  | { kind: 'failed'; error: string; status: number | null; attempts: number; rateLimited: boolean };

/**
 * Retry-After as a delay in ms: either delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Null when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // HTTP dates (IMF-fixdate, RFC 850, asctime) all start with the day name; anything else,
  // such as "-5", which Date.parse would read as a year, is not one.
  if (!/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)/.test(text)) return null;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}

/** Exponential backoff with "equal jitter": between half and all of base × 2^(n−1), capped. */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** Replaces every occurrence of each secret (and its URL-encoded form) with "[redacted]". */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join('[redacted]');
  }
  return out;
}

/**
 * Sends one request, retrying 429, 5xx and tracker-specific rate limits (client.readResponse
 * saying rateLimited) up to policy.maxAttempts. Network errors and timeouts are NOT retried: the
 * tracker may have created the issue before the connection broke, and creating it twice is worse
 * than reporting the item as failed.
 */
export async function sendWithRetry(client: TrackerClient, request: PreparedRequest, deps: HttpDeps): Promise<SendOutcome> {
  const { policy } = deps;
  let lastError = '';
  let lastStatus: number | null = null;
  let rateLimited = false;
  for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
    let response: Response;
    try {
      response = await deps.fetch(request.url, {
        method: request.method,
        headers: client.headers(),
        body: JSON.stringify(request.body),
        signal: AbortSignal.timeout(policy.timeoutMs),
        // A redirect (a renamed repository, a moved site) is reported, not followed: the
        // settings should name the real place, and a POST is not replayed elsewhere.
        redirect: 'manual',
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      const what = timedOut
        ? `no answer within ${Math.round(policy.timeoutMs / 1000)} s`
        : `could not reach ${client.destination} (${networkReason(error)})`;
      return {
        kind: 'failed',
        error: `${what}; the issue may have been created, so check ${client.destination} before exporting again`,
        status: null,
        attempts: attempt,
        rateLimited: false,
      };
    }
    const body = await readBody(response);
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), deps.now());
    const read = response.ok ? null : client.readResponse(response.status, body, response.headers);
    const limited = response.status === 429 || (read !== null && 'error' in read && read.rateLimited === true);
    const retryable = limited || response.status >= 500;
    if (!retryable) return { kind: 'answered', status: response.status, body, headers: response.headers, attempts: attempt };

    lastStatus = response.status;
    rateLimited = limited;
    lastError = read && 'error' in read ? read.error : `HTTP ${response.status} ${bodySnippet(body)}`.trim();
    if (attempt === policy.maxAttempts) break;
    if (retryAfterMs !== null && retryAfterMs > policy.maxRetryAfterMs) {
      return {
        kind: 'failed',
        error: `${lastError}; ${client.destination} asked to wait ${Math.ceil(retryAfterMs / 1000)} s, export again later`,
        status: lastStatus,
        attempts: attempt,
        rateLimited,
      };
    }
    const delayMs = retryAfterMs ?? backoffDelayMs(attempt, policy, deps.random);
    deps.onRetry?.({ attempt, status: response.status, delayMs });
    await deps.sleep(delayMs);
  }
  return {
    kind: 'failed',
    error: `${lastError} (gave up after ${policy.maxAttempts} attempts)`,
    status: lastStatus,
    attempts: policy.maxAttempts,
    rateLimited,
  };
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function networkReason(error: unknown): string {
  if (!(error instanceof Error)) return 'network error';
  const cause = (error as Error & { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === 'string' ? cause.code : error.message;
}
