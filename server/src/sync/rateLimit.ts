/**
 * Per-connection limits on messages per second and bytes per second, each a token bucket. The
 * defaults (200 messages/s with bursts of 400, 2 MiB/s) leave room for fast typing, IME
 * compositions flushed at once and a reconnect's SyncStep2.
 *
 * A connection over them is throttled, not cut off (connection.ts): its frames wait, and its
 * socket stops being read, until the buckets hold enough again, so TCP slows the sender down and
 * nothing it sent is lost. (Closing with a 44xx code would be final for the stock y-websocket
 * client, which never reconnects after 4400–4499: a script importing 500 edits would lose the rest.)
 */
import { TokenBucket } from './tokenBucket';

export interface RateLimits {
  messagesPerSecond: number;
  messageBurst: number;
  bytesPerSecond: number;
  /** A connection over the limits this long without a break is closed (CloseCode.tryAgainLater). */
  maxThrottledMs: number;
}

export class ConnectionRateLimit {
  readonly maxThrottledMs: number;
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;

  /** `maxMessageBytes`: the byte bucket always holds at least two of the largest frames allowed. */
  constructor(limits: RateLimits, maxMessageBytes: number, now?: () => number) {
    this.maxThrottledMs = limits.maxThrottledMs;
    this.messages = new TokenBucket(limits.messagesPerSecond, limits.messageBurst, now);
    this.bytes = new TokenBucket(limits.bytesPerSecond, Math.max(2 * limits.bytesPerSecond, 2 * maxMessageBytes), now);
  }

  /** 0 when a frame of `frameBytes` is within the limits (and counts it); else milliseconds to wait. */
  admit(frameBytes: number): number {
    const wait = Math.max(this.messages.waitFor(1), this.bytes.waitFor(frameBytes));
    if (wait > 0) return wait;
    this.messages.take(1);
    this.bytes.take(frameBytes);
    return 0;
  }
}
