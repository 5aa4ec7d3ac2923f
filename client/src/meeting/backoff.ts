/**
 * Reconnect delays with "full jitter" (AWS architecture blog, "Exponential Backoff and Jitter"):
 * the delay is uniform in [0, min(cap, base · 2^attempt)]. A server restart therefore meets its
 * clients spread over the whole window instead of all at the same instant.
 */
export interface BackoffOptions {
  /** Ceiling of the first window, in ms. */
  baseMs: number;
  /** No window grows beyond this, in ms. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 30_000 };

/** Upper bound of the jitter window for the given attempt (0 = first retry). */
export function backoffWindow(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const exponent = Math.min(Math.max(attempt, 0), 30);
  return Math.min(options.capMs, options.baseMs * 2 ** exponent);
}

/** A delay drawn uniformly from the attempt's window; `random` is injectable for tests. */
export function fullJitterDelay(
  attempt: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  return Math.floor(random() * backoffWindow(attempt, options));
}
