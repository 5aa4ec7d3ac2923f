import type { WebSocket } from 'ws';
import { CloseCode } from '@suishin/shared';
import type { MeetingAccess } from '../auth/credential';
import type { Logger } from '../logger';
import type { ConnectionRateLimit } from './rateLimit';
import { createSyncTraffic, type SyncTraffic } from './syncTraffic';

/** WebSocket.OPEN (ws' readyState; the constant, so this module needs only ws' types). */
const OPEN = 1;
/** Frames handled per connection per event-loop turn; the rest wait for the next turn. */
const FRAMES_PER_TURN = 64;
/** setTimeout's longest delay; later expiries are re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * One client socket in one meeting. Frames are always handled in arrival order (the save acks
 * rely on it). Frames that arrive before the room is ready wait in a small bounded queue.
 *
 * Fairness: `ws` emits every frame of a TCP read synchronously, so a burst of thousands of edits
 * would be validated, committed and applied in one long turn and stall every other room. At most
 * FRAMES_PER_TURN frames are handled per turn; the rest are queued (the socket is paused while
 * the queue is long, so TCP pushes back on the sender) and handled in later turns, letting group
 * commits and other rooms' traffic interleave.
 *
 * Rate limits (rateLimit.ts) throttle the same way: a frame over the connection's budget waits at
 * the head of the queue, and the socket is not read, until the budget allows it. Only a connection
 * that stays over its budget for RateLimits.maxThrottledMs (60 s by default) is closed, with CloseCode.tryAgainLater, which
 * every client retries (its unsent edits go in its next SyncStep2).
 *
 * The access ends with the credential: at `access.expiresAt` the socket is closed with
 * CloseCode.unauthorized ("access expired"), and no frame is handled after it.
 */
export interface ConnectionAuth {
  /** Who is on this socket and as what, checked before the upgrade. Name and key version may change later. */
  access: MeetingAccess;
  /** Re-checked on every frame: false once the grant was revoked (the meeting's key was rotated). */
  stillGranted(): boolean;
  rateLimit: ConnectionRateLimit;
}

export class Connection {
  /** The awareness client id this connection owns, bound by its first awareness entry. */
  awarenessClientId: number | null = null;
  /** When this connection was last told its update was refused (to tell it at most once a second). */
  lastDeniedAt = -Infinity;
  /**
   * Why an update from this connection was dropped since its last save request, or null. The next
   * save request is answered `saveFailed(<reason>)` instead of `saved`: the client's "saved" must
   * never cover an edit the server refused.
   */
  refusedSinceSaveRequest: string | null = null;
  /** Updates refused for breaking the document's layout (room.ts closes the connection after a few). */
  invalidUpdates = 0;
  /**
   * The state vector of what this client was sent before it asked (the stored state, while the
   * room loaded): its SyncStep1 is answered with what is newer than both. Null once used.
   */
  sentStateVector: Uint8Array | null = null;
  readonly access: MeetingAccess;
  private readonly auth: ConnectionAuth;
  private readonly queue: Uint8Array[] = [];
  private queuedBytes = 0;
  private handler: ((frame: Uint8Array) => void) | null = null;
  private budget = FRAMES_PER_TURN;
  private refillScheduled = false;
  private paused = false;
  /** Set while the frame at the head of the queue waits for the rate limit. */
  private throttleTimer: NodeJS.Timeout | null = null;
  /** When the current stretch of throttling began (performance.now()), or null. */
  private throttledSince: number | null = null;
  private expiryTimer: NodeJS.Timeout | null = null;
  /** Heartbeat (heartbeat()): a frame arrived since the last beat / a ping is unanswered. */
  private heardSinceBeat = true;
  private awaitingPong = false;
  private closedFlag = false;
  private closeListeners: (() => void)[] = [];

  constructor(
    readonly id: number,
    readonly meetingId: string,
    private readonly ws: WebSocket,
    private readonly logger: Logger,
    private readonly limits: { maxQueuedFrames: number; maxQueuedBytes: number; maxBufferedBytes: number },
    auth: ConnectionAuth,
    /** Frames and bytes in and out, for /metrics (plain increments). */
    private readonly traffic: SyncTraffic = createSyncTraffic(),
  ) {
    this.auth = auth;
    this.access = auth.access;
    ws.on('message', (data, isBinary) => {
      if (this.closedFlag) return;
      this.heardSinceBeat = true;
      this.awaitingPong = false;
      if (!isBinary) {
        this.close(CloseCode.malformedMessage, 'text frames are not part of the protocol');
        return;
      }
      const frame = toUint8Array(data);
      this.traffic.messagesIn++;
      this.traffic.bytesIn += frame.byteLength;
      this.receive(frame);
    });
    ws.on('pong', () => {
      this.heardSinceBeat = true;
      this.awaitingPong = false;
    });
    ws.on('close', () => this.markClosed());
    ws.on('error', (error) => {
      // ws closes the socket itself (e.g. 1009 for an oversized frame); just record why.
      this.logger.debug('socket error', { meetingId, connection: this.id, error });
    });
    this.armExpiry();
  }

  /**
   * Called every heartbeat interval by the endpoint. A socket that sent nothing since the last beat
   * is pinged; one that has not answered the previous ping either is dropped (a half-open TCP
   * connection: the client's network vanished), so it stops holding its room and presence.
   */
  heartbeat() {
    if (this.closedFlag) return;
    if (this.heardSinceBeat) {
      this.heardSinceBeat = false;
      return;
    }
    if (this.awaitingPong) {
      this.logger.info('socket did not answer a ping; dropping it', { meetingId: this.meetingId, connection: this.id });
      this.terminate();
      return;
    }
    this.awaitingPong = true;
    try {
      this.ws.ping();
    } catch {
      this.terminate();
    }
  }

  private armExpiry() {
    const left = this.access.expiresAt - Date.now();
    if (!Number.isFinite(left)) return;
    this.expiryTimer = setTimeout(() => {
      if (this.expired()) this.close(CloseCode.unauthorized, 'access expired');
      else this.armExpiry();
    }, Math.max(0, Math.min(left, MAX_TIMER_MS)));
    this.expiryTimer.unref();
  }

  private expired(): boolean {
    return Date.now() >= this.access.expiresAt;
  }

  private receive(frame: Uint8Array) {
    this.queue.push(frame);
    this.queuedBytes += frame.length;
    const overLimit = this.queue.length > this.limits.maxQueuedFrames || this.queuedBytes > this.limits.maxQueuedBytes;
    if (!this.handler) {
      // Before the room is ready: bounded, then refuse.
      if (overLimit) this.close(CloseCode.tryAgainLater, 'too many messages before the meeting was ready');
      return;
    }
    if (overLimit && !this.paused) {
      this.paused = true;
      this.ws.pause();
    }
    // A paused socket may still deliver what it had buffered; beyond that, the client ignores pushback.
    if (this.queue.length > 4 * this.limits.maxQueuedFrames || this.queuedBytes > 4 * this.limits.maxQueuedBytes) {
      this.close(CloseCode.tryAgainLater, 'too many messages waiting');
      return;
    }
    this.drainQueue();
  }

  private scheduleRefill() {
    if (this.refillScheduled || this.closedFlag) return;
    this.refillScheduled = true;
    setImmediate(() => {
      this.refillScheduled = false;
      this.budget = FRAMES_PER_TURN;
      this.drainQueue();
    });
  }

  private drainQueue() {
    while (this.queue.length > 0 && this.budget > 0 && !this.closedFlag && this.handler && this.throttleTimer === null) {
      const frame = this.queue[0]!;
      const wait = this.auth.rateLimit.admit(frame.length);
      if (wait > 0) {
        this.throttle(wait);
        return;
      }
      this.queue.shift();
      this.queuedBytes -= frame.length;
      this.budget--;
      this.scheduleRefill();
      this.dispatch(frame);
    }
    if (this.queue.length === 0) this.throttledSince = null;
    if (this.paused && this.throttleTimer === null && this.queue.length < this.limits.maxQueuedFrames / 2 && !this.closedFlag) {
      this.paused = false;
      this.ws.resume();
    }
  }

  /** The head frame is over the rate limit: stop reading the socket and retry in `waitMs`. */
  private throttle(waitMs: number) {
    const now = performance.now();
    this.throttledSince ??= now;
    if (now - this.throttledSince > this.auth.rateLimit.maxThrottledMs) {
      this.logger.info('connection stayed over its rate limit', { meetingId: this.meetingId, connection: this.id });
      this.close(CloseCode.tryAgainLater, 'over the rate limit for too long; retry later');
      return;
    }
    if (!this.paused) {
      this.paused = true;
      this.ws.pause();
    }
    this.throttleTimer = setTimeout(() => {
      this.throttleTimer = null;
      this.drainQueue();
    }, waitMs);
  }

  get closed() {
    return this.closedFlag;
  }

  /** Starts handling frames (queued ones first) with `handler`. */
  start(handler: (frame: Uint8Array) => void) {
    this.handler = handler;
    this.drainQueue();
  }

  send(frame: Uint8Array) {
    // A socket that is closing (the client's close frame arrived, 'close' not yet emitted) cannot
    // send: ws would build an Error with a stack trace per call to say so, thousands at once when
    // many people leave together.
    if (this.closedFlag || this.ws.readyState !== OPEN) return;
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      this.close(CloseCode.tryAgainLater, 'client is not reading fast enough');
      return;
    }
    try {
      this.ws.send(frame, { binary: true });
      this.traffic.messagesOut++;
      this.traffic.bytesOut += frame.byteLength;
    } catch (error) {
      this.logger.warn('send failed', { meetingId: this.meetingId, connection: this.id, error });
      this.close(CloseCode.internalError, 'send failed');
    }
  }

  close(code: number, reason: string) {
    if (this.closedFlag) return;
    this.logger.debug('closing connection', { meetingId: this.meetingId, connection: this.id, code, reason });
    // A paused socket would never read the client's closing handshake (ws then waits 30 s to drop it).
    if (this.paused) this.ws.resume();
    try {
      this.ws.close(code, truncateReason(reason));
    } catch {
      this.ws.terminate();
    }
    this.markClosed();
  }

  /** Drops the TCP connection at once (shutdown, after the close frame was sent). */
  terminate() {
    this.ws.terminate();
    this.markClosed();
  }

  onClose(listener: () => void) {
    if (this.closedFlag) listener();
    else this.closeListeners.push(listener);
  }

  /** False once this connection's grant was revoked; every frame is checked (see messageHandler). */
  stillGranted(): boolean {
    return this.auth.stillGranted();
  }

  private dispatch(frame: Uint8Array) {
    if (this.expired()) {
      this.close(CloseCode.unauthorized, 'access expired');
      return;
    }
    try {
      this.handler?.(frame);
    } catch (error) {
      this.logger.error('message handler failed', { meetingId: this.meetingId, connection: this.id, error });
      this.close(CloseCode.internalError, 'internal error');
    }
  }

  private markClosed() {
    if (this.closedFlag) return;
    this.closedFlag = true;
    this.queue.length = 0;
    if (this.throttleTimer) clearTimeout(this.throttleTimer);
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    const listeners = this.closeListeners;
    this.closeListeners = [];
    for (const l of listeners) {
      try {
        l();
      } catch (error) {
        this.logger.error('close listener failed', { meetingId: this.meetingId, error });
      }
    }
  }
}

function toUint8Array(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Close reasons are limited to 123 bytes of UTF-8. */
function truncateReason(reason: string): string {
  const bytes = Buffer.from(reason, 'utf8');
  if (bytes.length <= 123) return reason;
  return bytes.subarray(0, 120).toString('utf8').replace(/\uFFFD$/, '') + '…';
}
