/**
 * Reading an exported issue's state back from its tracker, for the follow-up of action items.
 * What each tracker's answer means here:
 * - 'done': the work is finished (GitHub closed, Jira status category "done", Linear completed);
 * - 'dropped': abandoned (Linear canceled);
 * - 'open': anything else. An open issue never reopens an item closed here.
 */
import type { ExternalRef } from '@suishin/shared';
import type { TrackerState } from '@suishin/shared/protocol';
import type { PreparedRequest, TrackerClient } from './trackerClient';
import { bodySnippet } from './trackerClient';
import { redactSecrets, sendWithRetry, type HttpDeps } from './trackerHttp';

export type { TrackerState };

export type StatusOutcome = { state: TrackerState } | { error: string };

/** How one tracker asks for an issue's state and reads the answer. */
export interface StatusReader {
  /** The request (no credentials: the client's headers add them). */
  request(ref: ExternalRef): StatusRequest;
  /** The state in the 2xx body, or an error in words safe to show. */
  read(body: unknown): StatusOutcome;
}

export interface StatusRequest {
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
}

/** Sends one status request with the push's retries (429/5xx, Retry-After) and reads it. */
export async function fetchTrackerState(client: TrackerClient, reader: StatusReader, ref: ExternalRef, deps: HttpDeps): Promise<StatusOutcome> {
  let request: StatusRequest;
  try {
    request = reader.request(ref);
  } catch (error) {
    return { error: (error as Error).message };
  }
  // sendWithRetry sends `body` as JSON only when there is one, so a GET goes without a body; its
  // PreparedRequest type says POST because creating issues is all it did before.
  const outcome = await sendWithRetry(client, request as unknown as PreparedRequest, deps);
  const scrub = (text: string) => redactSecrets(text, client.secrets);
  if (outcome.kind === 'failed') return { error: scrub(outcome.error) };
  if (outcome.status === 404) return { error: `${ref.key} not found in ${client.destination}` };
  if (outcome.status < 200 || outcome.status >= 300) {
    const read = client.readResponse(outcome.status, outcome.body, outcome.headers);
    return { error: scrub('error' in read ? read.error : `HTTP ${outcome.status} ${bodySnippet(outcome.body)}`) };
  }
  return reader.read(outcome.body);
}

export const get = (object: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined), object);
