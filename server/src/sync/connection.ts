import type { WebSocket } from 'ws';
import { CloseCode } from '@suishin/shared';
import type { MeetingAccess } from '../auth/credential';
import type { Logger } from '../logger';
import type { ConnectionRateLimit } from './rateLimit';

/** Frames handled per connection per event-loop turn; the rest wait for the next turn. */
const FRAMES_PER_TURN = 64;

/**
 * One client socket in one meeting. Frames are always handled in arrival order (the save acks
 * rely on it). Frames that arrive before the room is ready wait in a small bounded queue.
 *
 * Fairness: `ws` emits every frame of a TCP read synchronously, so a burst of thousands of edits
 * would be validated, committed and applied in one long turn and stall every other room. At most
 * FRAMES_PER_TURN frames are handled per turn; the rest are queued (the socket is paused while
 * the queue is long, so TCP pushes back on the sender) and handled in later turns, letting group
 * commits and other rooms' traffic interleave.
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
  private closedFlag = false;
  private closeListeners: (() => void)[] = [];

  constructor(
    readonly id: number,
    readonly meetingId: string,
    private readonly ws: WebSocket,
    private readonly logger: Logger,
    private readonly limits: { maxQueuedFrames: number; maxQueuedBytes: number; maxBufferedBytes: number },
    auth: ConnectionAuth,
  ) {
    this.auth = auth;
    this.access = auth.access;
    ws.on('message', (data, isBinary) => {
      if (this.closedFlag) return;
      const frame = toUint8Array(data);
      const overLimit = this.auth.rateLimit.admit(frame.length);
      if (overLimit !== null) {
        this.logger.info('connection over its rate limit', { meetingId, connection: this.id, reason: overLimit });
        this.close(CloseCode.rateLimited, overLimit);
        return;
      }
      if (!isBinary) {
        this.close(CloseCode.malformedMessage, 'text frames are not part of the protocol');
        return;
      }
      this.receive(frame);
    });
    ws.on('close', () => this.markClosed());
    ws.on('error', (error) => {
      // ws closes the socket itself (e.g. 1009 for an oversized frame); just record why.
      this.logger.debug('socket error', { meetingId, connection: this.id, error });
    });
  }

  private receive(frame: Uint8Array) {
    if (this.handler && this.queue.length === 0 && this.budget > 0) {
      this.consume(frame);
      return;
    }
    this.queue.push(frame);
    this.queuedBytes += frame.length;
    if (!this.handler) {
      // Before the room is ready: bounded, then refuse.
      if (this.queue.length > this.limits.maxQueuedFrames || this.queuedBytes > this.limits.maxQueuedBytes) {
        this.close(1013, 'too many messages before the meeting was ready');
      }
      return;
    }
    if (!this.paused && (this.queue.length > this.limits.maxQueuedFrames || this.queuedBytes > this.limits.maxQueuedBytes)) {
      this.paused = true;
      this.ws.pause();
    }
    this.scheduleRefill();
  }

  private consume(frame: Uint8Array) {
    this.budget--;
    this.scheduleRefill();
    this.dispatch(frame);
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
    while (this.queue.length > 0 && this.budget > 0 && !this.closedFlag && this.handler) {
      const frame = this.queue.shift()!;
      this.queuedBytes -= frame.length;
      this.consume(frame);
    }
    if (this.paused && this.queue.length < this.limits.maxQueuedFrames / 2 && !this.closedFlag) {
      this.paused = false;
      this.ws.resume();
    }
  }

  get closed() {
    return this.closedFlag;
  }

  /** Starts handling frames (queued ones first) with `handler`. */
  start(handler: (frame: Uint8Array) => void) {
    this.handler = handler;
    this.drainQueue();
    if (this.queue.length > 0) this.scheduleRefill();
  }

  send(frame: Uint8Array) {
    if (this.closedFlag) return;
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      this.close(1013, 'client is not reading fast enough');
      return;
    }
    try {
      this.ws.send(frame, { binary: true });
    } catch (error) {
      this.logger.warn('send failed', { meetingId: this.meetingId, connection: this.id, error });
      this.close(1011, 'send failed');
    }
  }

  close(code: number, reason: string) {
    if (this.closedFlag) return;
    this.logger.debug('closing connection', { meetingId: this.meetingId, connection: this.id, code, reason });
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
    try {
      this.handler?.(frame);
    } catch (error) {
      this.logger.error('message handler failed', { meetingId: this.meetingId, connection: this.id, error });
      this.close(1011, 'internal error');
    }
  }

  private markClosed() {
    if (this.closedFlag) return;
    this.closedFlag = true;
    this.queue.length = 0;
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
