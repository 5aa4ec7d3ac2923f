import * as Y from 'yjs';
import type { Logger } from '../../logger';
import type { ClientClaim } from '../../persistence/store';
import type { Connection } from '../connection';
import { savedFrame } from '../protocolMessages';

/**
 * Who an update came from: a client's connection, or null for a change the server made itself
 * (Room.applyServerChange), which is relayed to every connection.
 */
export type Sender = Connection | null;

/** Consecutive durable updates from one sender: relayed as one merged frame. */
export interface DurableRun {
  from: Sender;
  updates: Uint8Array[];
}

type Entry =
  | { kind: 'update'; update: Uint8Array; from: Sender; state: 'pending' | 'durable' | 'failed'; seq: number }
  | { kind: 'ack'; conn: Connection; nonce: number };

export interface DurableQueueOptions {
  meetingId: string;
  logger: Logger;
  /** Appends to the store; resolves with the update's seq once it is durable. */
  append(update: Uint8Array, claims: readonly ClientClaim[]): Promise<number>;
  /** Durable updates, in order: apply them to the document and relay them. */
  applyDurable(updates: Uint8Array[], seqs: number[], runs: DurableRun[]): void;
  /** Storing failed: nothing after the failed update is applied; the room must be dropped. */
  onFailed(affected: Set<Connection>): void;
  /** Everything accepted has settled. */
  onIdle(): void;
  /** How long each update took to become durable (ms). */
  onDurable?(ms: number): void;
}

/**
 * The durable queue and the save acks. Updates become durable in the order they were accepted
 * (one FIFO), are applied and relayed only once durable, and a `saved` ack sits in the same FIFO,
 * so it is sent only after every update received before it is durable.
 */
export class DurableQueue {
  private readonly entries: Entry[] = [];
  private idleWaiters: (() => void)[] = [];
  private failed = false;

  constructor(private readonly options: DurableQueueOptions) {}

  /** Whether updates were accepted that are not yet durable. */
  get hasUpdates(): boolean {
    return this.entries.some((e) => e.kind === 'update');
  }

  get isEmpty(): boolean {
    return this.entries.length === 0;
  }

  /** The updates accepted and not yet applied (for building the proving document). */
  *pendingUpdates(): Iterable<Uint8Array> {
    for (const e of this.entries) if (e.kind === 'update' && e.state !== 'failed') yield e.update;
  }

  /** Appends an effective update to the store; resolves true once it is durable and applied. */
  enqueue(update: Uint8Array, from: Sender, claims: readonly ClientClaim[]): Promise<boolean> {
    const entry: Entry & { kind: 'update' } = { kind: 'update', update, from, state: 'pending', seq: 0 };
    this.entries.push(entry);
    const started = performance.now();
    let durable: Promise<number>;
    try {
      durable = this.options.append(update, claims);
    } catch (error) {
      durable = Promise.reject(error); // a store must reject, not throw; handle both the same way
    }
    return durable.then(
      (seq) => {
        this.options.onDurable?.(performance.now() - started);
        entry.state = 'durable';
        entry.seq = seq;
        this.drain();
        return true;
      },
      (error: unknown) => {
        entry.state = 'failed';
        this.options.logger.error('storing an update failed', { meetingId: this.options.meetingId, error });
        this.drain();
        return false;
      },
    );
  }

  /** `saved(nonce)` once everything received before it is durable. */
  ack(conn: Connection, nonce: number) {
    if (this.failed) return;
    if (this.entries.length === 0) conn.send(savedFrame(nonce));
    else this.entries.push({ kind: 'ack', conn, nonce });
  }

  /** Resolves once every accepted update has settled (durable and applied, or failed). */
  whenIdle(): Promise<void> {
    if (this.entries.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private drain() {
    // Durable updates at the head are applied in one go; consecutive ones from the same sender
    // are relayed as one merged frame (receivers then apply one update).
    let run: DurableRun | null = null;
    const runs: DurableRun[] = [];
    const updates: Uint8Array[] = [];
    const seqs: number[] = [];
    const flush = () => {
      if (updates.length > 0) this.options.applyDurable(updates.splice(0), seqs.splice(0), runs.splice(0));
      run = null;
    };
    while (this.entries.length > 0 && !this.failed) {
      const head = this.entries[0]!;
      if (head.kind === 'ack') {
        flush(); // everything before the ack is applied and relayed before it goes out
        this.entries.shift();
        head.conn.send(savedFrame(head.nonce));
        continue;
      }
      if (head.state === 'pending') break;
      if (head.state === 'failed') {
        flush();
        this.fail();
        return;
      }
      this.entries.shift();
      updates.push(head.update);
      seqs.push(head.seq);
      if (run && (run as DurableRun).from === head.from) (run as DurableRun).updates.push(head.update);
      else runs.push((run = { from: head.from, updates: [head.update] }));
    }
    flush();
    if (this.entries.length === 0) {
      this.notifyIdle();
      this.options.onIdle();
    }
  }

  private fail() {
    this.failed = true;
    const affected = new Set<Connection>();
    for (const e of this.entries) if (e.kind === 'update' && e.from) affected.add(e.from);
    this.entries.length = 0;
    this.notifyIdle();
    this.options.onFailed(affected);
  }

  private notifyIdle() {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}

/** One frame's worth of a run: the update itself, or the run merged. */
export function mergedUpdate(updates: Uint8Array[]): Uint8Array {
  return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
}
