import type { TimerState } from '../schema/records';

/**
 * Facilitation timer arithmetic. The document stores only timestamps (see TimerState), so
 * every client derives the same figures from `now` on the server's clock; nobody ticks
 * shared state once a second.
 */
export interface TimerReading {
  /** Time spent on the item so far, including earlier runs. */
  elapsedMs: number;
  /** Timebox plus extensions. */
  plannedMs: number;
  /** plannedMs − elapsedMs; negative once overrun. */
  remainingMs: number;
  /** How far past the plan (0 while within it). */
  overrunMs: number;
  running: boolean;
}

export function computeTimer(timer: TimerState, timeboxMinutes: number, now: number): TimerReading {
  const runMs = timer.runningSince === null ? 0 : Math.max(0, now - timer.runningSince);
  const elapsedMs = timer.elapsedBeforeRunMs + runMs;
  const plannedMs = Math.max(0, timeboxMinutes) * 60_000 + timer.extensionMs;
  const remainingMs = plannedMs - elapsedMs;
  return {
    elapsedMs,
    plannedMs,
    remainingMs,
    overrunMs: Math.max(0, -remainingMs),
    running: timer.runningSince !== null,
  };
}

export interface MeetingTimeReading {
  /** Sum of all agenda items' timeboxes. */
  plannedMs: number;
  /** Wall time since the meeting started (until it ended). */
  elapsedMs: number;
  /** Sum of recorded actual time per item. */
  recordedMs: number;
}

export function computeMeetingTime(
  meeting: { startedAt: number | null; endedAt: number | null },
  items: ReadonlyArray<{ timeboxMinutes: number; actualSeconds: number }>,
  now: number,
): MeetingTimeReading {
  const plannedMs = items.reduce((sum, item) => sum + Math.max(0, item.timeboxMinutes) * 60_000, 0);
  const recordedMs = items.reduce((sum, item) => sum + item.actualSeconds * 1000, 0);
  const end = meeting.endedAt ?? now;
  const elapsedMs = meeting.startedAt === null ? 0 : Math.max(0, end - meeting.startedAt);
  return { plannedMs, elapsedMs, recordedMs };
}

/** One round trip to the server: local send time, the server's clock, local receive time. */
export interface ClockSample {
  sentAt: number;
  serverTime: number;
  receivedAt: number;
}

/**
 * Offset to add to the local clock to get the server's, from round-trip samples (NTP-style):
 * the sample with the shortest round trip bounds the error best (± rtt / 2).
 */
export function estimateClockOffset(samples: readonly ClockSample[]): number {
  let best: ClockSample | undefined;
  for (const sample of samples) {
    if (sample.receivedAt < sample.sentAt) continue;
    if (!best || sample.receivedAt - sample.sentAt < best.receivedAt - best.sentAt) best = sample;
  }
  if (!best) return 0;
  return best.serverTime - (best.sentAt + best.receivedAt) / 2;
}
