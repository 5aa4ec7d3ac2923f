/**
 * A token bucket: `ratePerSecond` tokens flow in continuously up to `burst`. Used per connection
 * for messages and for bytes.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Milliseconds until `amount` tokens are there (0: now). Takes nothing. */
  waitFor(amount: number): number {
    this.refill();
    if (amount <= this.tokens) return 0;
    return Math.ceil(((Math.min(amount, this.burst) - this.tokens) / this.ratePerSecond) * 1000);
  }

  /** Takes `amount` tokens; false (taking nothing) when fewer are there. */
  take(amount = 1): boolean {
    this.refill();
    if (amount > this.tokens) return false;
    this.tokens -= amount;
    return true;
  }

  private refill() {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
  }
}
