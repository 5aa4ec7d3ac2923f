import type { ActionItem, MeetingView, TrackerKind } from '@suishin/shared';
import type { ExportLanguage } from '@suishin/shared/export';
import type { IssueDraft, PreparedRequest } from '@suishin/shared/protocol';

// The draft and the request are shown in the push preview: their shapes are the wire's.
export type { IssueDraft, PreparedRequest };

export interface CreatedIssue {
  /** Issue key or number: "OPS-12", "42", "ENG-7". */
  key: string;
  url: string;
}

/** How a response is read: the created issue, or why not (in words safe to show). */
export type ReadResult = { created: CreatedIssue } | { error: string; rateLimited?: boolean };

/** Where the meeting's issues are described from. */
export interface IssueContext {
  view: MeetingView;
  meetingUrlBase: string;
  language?: ExportLanguage;
  timeZone?: string;
}

/** Sends one prepared request through the runner's retrying client and returns the parsed body. */
export type SendRequest = (request: PreparedRequest) => Promise<{ status: number; body: unknown } | { error: string }>;

/** One tracker's create-issue API, as the push runner drives it. */
export interface TrackerClient {
  readonly tracker: TrackerKind;
  /** Where issues go, for people: "octo/repo", "Jira OPS", "Linear team …". */
  readonly destination: string;
  /** Tokens and credentials derived from them; the runner scrubs them from every message. */
  readonly secrets: readonly string[];
  /** Pause before each creation after the first (GitHub asks for about a second). */
  readonly minIntervalMs: number;
  prepare(item: ActionItem, context: IssueContext): { draft: IssueDraft; request: PreparedRequest };
  /** Request headers, credentials included. */
  headers(): Record<string, string>;
  readResponse(status: number, body: unknown, headers: Headers): ReadResult;
  /**
   * When a creation failed in a way that may have created the issue anyway, looks for it (only
   * trackers that accept a client-chosen id can answer this).
   */
  findCreated?(item: ActionItem, context: IssueContext, send: SendRequest): Promise<CreatedIssue | null>;
}

export const USER_AGENT = 'Suishin-export/0.1 (+meeting action items)';

/**
 * Base URLs must be https, except loopback addresses (for tests and local proxies): a token
 * never travels in clear text to another machine.
 */
export function checkApiBaseUrl(value: string, what: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${what} is not a valid URL`);
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) || /^127\./.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error(`${what} must use https`);
  }
  if (url.username || url.password) throw new Error(`${what} must not carry credentials`);
  return url.href.replace(/\/+$/, '');
}

/** Plain-language summary of an error body: messages the trackers put in JSON, else a short text. */
export function bodySnippet(body: unknown): string {
  if (typeof body === 'string') return body.replace(/\s+/g, ' ').trim().slice(0, 300);
  try {
    return JSON.stringify(body).slice(0, 300);
  } catch {
    return '';
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
