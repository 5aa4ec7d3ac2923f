import type { TimerReading } from '@suishin/shared';

/**
 * What the facilitation timer shows, from a reading of shared's `computeTimer`. Pure, so every
 * client with the same document and (server-corrected) second shows the same figures.
 */
export type TimerTone = 'normal' | 'warning' | 'over' | 'paused';

export interface TimerDisplay {
  /** "04:32" while time remains, the overrun "01:05" once over. */
  clock: string;
  over: boolean;
  tone: TimerTone;
  /** 0…1 of the planned time used (capped at 1), for a progress bar. */
  progress: number;
}

/** Last stretch of an item shown as a warning: the final minute, or the final tenth of long items. */
const WARNING_MIN_MS = 60_000;
const WARNING_SHARE = 0.1;

/** mm:ss, or h:mm:ss from an hour on. Negative input is shown as its absolute value. */
export function formatClock(ms: number, round: 'up' | 'down' = 'down'): string {
  const abs = Math.abs(ms);
  const totalSeconds = round === 'up' ? Math.ceil(abs / 1000) : Math.floor(abs / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${two(minutes)}:${two(seconds)}`;
}

export function describeTimer(reading: TimerReading): TimerDisplay {
  const over = reading.remainingMs < 0;
  // Counting down, a started second still shows (10:00 at the start, 00:01 until the end);
  // counting the overrun up, only completed seconds do.
  const clock = over ? formatClock(reading.overrunMs, 'down') : formatClock(reading.remainingMs, 'up');
  const warningAt = Math.max(WARNING_MIN_MS, reading.plannedMs * WARNING_SHARE);
  const tone: TimerTone = over ? 'over' : !reading.running ? 'paused' : reading.remainingMs <= warningAt ? 'warning' : 'normal';
  const progress = reading.plannedMs <= 0 ? 1 : Math.min(1, Math.max(0, reading.elapsedMs / reading.plannedMs));
  return { clock, over, tone, progress };
}

/** Planned vs actual for one agenda item, from its recorded seconds (and the live reading if running). */
export function actualVsPlanned(actualMs: number, timeboxMinutes: number): { actual: string; planned: string; over: boolean } {
  const plannedMs = Math.max(0, timeboxMinutes) * 60_000;
  return { actual: formatClock(actualMs), planned: formatClock(plannedMs), over: actualMs > plannedMs };
}
