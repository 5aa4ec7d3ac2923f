import type { WebSocket } from 'ws';
import type { Logger } from '../logger';

/**
 * One client socket in one meeting. Frames that arrive before the room is ready wait in a small
 * bounded queue and are then handled in arrival order; a connection's frames are always handled
 * in order (the save acks rely on it).
 */
export class Connection {
  /** The awareness client id this connection owns, bound by its first awareness entry. */
  awarenessClientId: number | null = null;
  private pending: Uint8Array[] | null = [];
  private pendingBytes = 0;
  private handler: ((frame: Uint8Array) => void) | null = null;
  private closedFlag = false;
  private closeListeners: (() => void)[] = [];

  constructor(
    readonly id: number,
    readonly meetingId: string,
    private readonly ws: WebSocket,
    private readonly logger: Logger,
    private readonly limits: { maxQueuedFrames: number; maxQueuedBytes: number; maxBufferedBytes: number },
  ) {
    ws.on('message', (data, isBinary) => {
      if (this.closedFlag) return;
      if (!isBinary) {
        this.close(4400, 'text frames are not part of the protocol');
        return;
      }
      const frame = toUint8Array(data);
      if (this.pending) {
        this.pendingBytes += frame.length;
        if (this.pending.length >= this.limits.maxQueuedFrames || this.pendingBytes > this.limits.maxQueuedBytes) {
          this.close(1013, 'too many messages before the meeting was ready');
          return;
        }
        this.pending.push(frame);
        return;
      }
      this.dispatch(frame);
    });
    ws.on('close', () => this.markClosed());
    ws.on('error', (error) => {
      // ws closes the socket itself (e.g. 1009 for an oversized frame); just record why.
      this.logger.debug('socket error', { meetingId, connection: this.id, error });
    });
  }

  get closed() {
    return this.closedFlag;
  }

  /** Starts handling frames (queued ones first) with `handler`. */
  start(handler: (frame: Uint8Array) => void) {
    this.handler = handler;
    const queued = this.pending ?? [];
    this.pending = null;
    for (const frame of queued) {
      if (this.closedFlag) return;
      this.dispatch(frame);
    }
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
    this.pending = null;
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
