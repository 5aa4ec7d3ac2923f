/**
 * Drains the outbox: claim a due message, send it on its channel, record the outcome. Failures
 * retry with exponential backoff (base × 2^(attempts−1), capped) up to `maxAttempts`, then stay
 * failed for the admin. A message claimed before a crash is never re-sent blindly (Outbox.inDoubt).
 */
import type { ChannelSender } from './emailSender';
import type { Outbox, OutboxChannel } from './outbox';

export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  maxAttempts: number;
}
export const DEFAULT_OUTBOX_RETRY: RetryPolicy = { baseMs: 30_000, maxMs: 3_600_000, maxAttempts: 6 };

export const backoff = (attempts: number, p: RetryPolicy) => Math.min(p.maxMs, p.baseMs * 2 ** Math.max(0, attempts - 1));

/** Sends every message due now; resolves with how many were sent and how many failed. */
export async function drainOutbox(deps: {
  outbox: Outbox;
  senders: Partial<Record<OutboxChannel, ChannelSender>>;
  now?: () => number;
  policy?: RetryPolicy;
  /** Between the channel accepting a message and the outbox recording it (the crash test's hook). */
  afterSend?: (key: string) => void;
}): Promise<{ sent: number; failed: number }> {
  const now = deps.now ?? Date.now;
  const policy = deps.policy ?? DEFAULT_OUTBOX_RETRY;
  let sent = 0;
  let failed = 0;
  for (let m = await deps.outbox.claim(now()); m; m = await deps.outbox.claim(now())) {
    const sender = deps.senders[m.channel];
    try {
      if (!sender) throw new Error(`no ${m.channel} channel is configured`);
      const id = await sender.send(m);
      deps.afterSend?.(m.key);
      await deps.outbox.markSent(m.key, id);
      sent++;
    } catch (error) {
      failed++;
      const retryAt = m.attempts >= policy.maxAttempts ? null : now() + backoff(m.attempts, policy);
      await deps.outbox.markFailed(m.key, (error as Error).message.slice(0, 500), retryAt);
    }
  }
  return { sent, failed };
}
