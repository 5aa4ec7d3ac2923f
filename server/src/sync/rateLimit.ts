/**
 * Per-connection limits on messages per second and bytes per second, each a token bucket. The
 * defaults (200 messages/s with bursts of 400, 2 MiB/s) leave room for fast typing, IME
 * compositions flushed at once and a reconnect's SyncStep2; a client over them is closed with
 * CloseCode.rateLimited and the reason says which limit, while the room carries on.
 */
import { TokenBucket } from './tokenBucket';

export interface RateLimits {
  messagesPerSecond: number;
  messageBurst: number;
  bytesPerSecond: number;
}

export class ConnectionRateLimit {
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;

  /** `maxMessageBytes`: the byte bucket always holds at least two of the largest frames allowed. */
  constructor(private readonly limits: RateLimits, maxMessageBytes: number, now?: () => number) {
    this.messages = new TokenBucket(limits.messagesPerSecond, limits.messageBurst, now);
    this.bytes = new TokenBucket(limits.bytesPerSecond, Math.max(2 * limits.bytesPerSecond, 2 * maxMessageBytes), now);
  }

  /** Null if the frame is within the limits, otherwise the reason to close with. */
  admit(frameBytes: number): string | null {
    if (!this.messages.take(1)) return `rate limit: more than ${this.limits.messagesPerSecond} messages per second`;
    if (!this.bytes.take(frameBytes)) return `rate limit: more than ${formatBytes(this.limits.bytesPerSecond)} per second`;
    return null;
  }
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / 1024 / 1024} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}
