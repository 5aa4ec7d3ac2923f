/**
 * The outbox: every message (email, chat webhook) is first a row here under an idempotency key
 * (enqueueing the same key twice keeps one message). A sender claims a due message (state
 * `sending`, attempts + 1) before it talks to the channel and records the outcome after, so a
 * crash between the two leaves the message `sending`: on restart it is in doubt, not silently
 * re-sent (the channel's Message-ID is derived from the key, so a resend after a check is
 * detectable downstream). Failures back off (`retryAt`) and, past the attempts, stay `failed` for
 * the admin. SQLite: persistence/sqlite/sqliteOutbox.ts; memory: testing/memory/memoryOutbox.ts;
 * contract: testing/contracts/outboxContract.ts.
 */
export type OutboxChannel = 'email' | 'slack' | 'teams';
export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxMessage {
  key: string;
  channel: OutboxChannel;
  /** Address or webhook URL. */
  to: string;
  /** Channel-specific content (subject, text, html; or the webhook body). */
  body: unknown;
  state: OutboxState;
  attempts: number;
  /** Epoch ms when it may be (re)tried. */
  dueAt: number;
  lastError: string | null;
  /** The channel's id for the sent message (SMTP Message-ID). */
  sentId: string | null;
  createdAt: number;
}

export interface Outbox {
  /** Adds the message unless its key is known; true when added. */
  enqueue(message: Pick<OutboxMessage, 'key' | 'channel' | 'to' | 'body'>, at: number): Promise<boolean>;
  /** Claims the oldest pending message due by `at` (state → sending, attempts + 1), or null. */
  claim(at: number): Promise<OutboxMessage | null>;
  markSent(key: string, sentId: string): Promise<void>;
  /** Back to pending at `retryAt`, or failed for good when `retryAt` is null. */
  markFailed(key: string, error: string, retryAt: number | null): Promise<void>;
  /** Messages claimed and never recorded (a crash between sending and recording). */
  inDoubt(): Promise<OutboxMessage[]>;
  /** Failed ones and those still retrying after an error, newest first (the admin's view). */
  problems(): Promise<OutboxMessage[]>;
  get(key: string): Promise<OutboxMessage | null>;
}
