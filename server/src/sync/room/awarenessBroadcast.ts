import type * as awarenessProtocol from 'y-protocols/awareness';
import { awarenessFrame } from '../protocolMessages';

export interface AwarenessBroadcastDelays {
  /** A state that changed (a caret moved, someone joined or left): relayed this soon. */
  changeMs: number;
  /**
   * A renewal with the same state (every client sends one each 15 s so that others do not time it
   * out after 30 s): relayed within this, merged with whatever else is pending.
   */
  renewalMs: number;
}

export const DEFAULT_AWARENESS_DELAYS: AwarenessBroadcastDelays = { changeMs: 15, renewalMs: 1_000 };

/**
 * Relays a room's awareness in merged frames instead of one frame per incoming update.
 *
 * Why: with n people in a room, each awareness update costs n sends on the server and n decodes on
 * the clients. People who joined together renew together (every 15 s), so a 50-person room meets a
 * storm of 50 × 50 frames that stalls the server and every client while edits wait behind it.
 * Merging the clients changed within a few milliseconds into one frame per connection keeps carets
 * prompt and turns the storm into a handful of frames. A frame carries each client's latest state
 * (or its removal), so merging never reorders or loses anything.
 */
export class AwarenessBroadcast {
  private readonly pending = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private dueAt = Infinity;

  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly sendToAll: (frame: Uint8Array) => void,
    private readonly delays: AwarenessBroadcastDelays = DEFAULT_AWARENESS_DELAYS,
  ) {
    // y-protocols emits 'change' (states that differ) before 'update' (every client in the update).
    awareness.on('change', this.onChange);
    awareness.on('update', this.onUpdate);
  }

  /** Sends what is pending now. */
  flush(): void {
    this.clearTimer();
    if (this.pending.size === 0) return;
    const clients = [...this.pending];
    this.pending.clear();
    this.sendToAll(awarenessFrame(this.awareness, clients));
  }

  destroy(): void {
    this.clearTimer();
    this.pending.clear();
    due.delete(this);
    this.awareness.off('change', this.onChange);
    this.awareness.off('update', this.onUpdate);
  }

  private readonly onChange = (changes: Changes) => this.queue(changes, this.delays.changeMs);
  private readonly onUpdate = (changes: Changes) => this.queue(changes, this.delays.renewalMs);

  private queue({ added, updated, removed }: Changes, delayMs: number): void {
    for (const list of [added, updated, removed]) for (const client of list) this.pending.add(client);
    const dueAt = performance.now() + delayMs;
    if (dueAt >= this.dueAt) return;
    this.clearTimer();
    this.dueAt = dueAt;
    this.timer = setTimeout(() => flushSoon(this), delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.dueAt = Infinity;
  }
}

interface Changes {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * Rooms whose flush is due, sent at most FLUSHES_PER_TURN per event-loop turn. People join and
 * leave together (a blip, a deploy, ten o'clock): 1,600 rooms' timers then fall due in the same
 * turn, and sending all their frames at once stalled the loop for seconds. The rest wait a turn
 * (setImmediate: I/O is served in between), which costs a caret a fraction of a millisecond.
 */
const FLUSHES_PER_TURN = 32;
const due = new Set<AwarenessBroadcast>();
let draining = false;

function flushSoon(broadcast: AwarenessBroadcast) {
  due.add(broadcast);
  if (draining) return;
  draining = true;
  setImmediate(drainDue);
}

function drainDue() {
  let n = 0;
  for (const broadcast of due) {
    if (n++ === FLUSHES_PER_TURN) break;
    due.delete(broadcast);
    broadcast.flush();
  }
  if (due.size > 0) setImmediate(drainDue);
  else draining = false;
}
