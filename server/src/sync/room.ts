/**
 * One open meeting: its document, awareness and connections.
 *
 * Two documents are kept:
 * - `doc` holds durable state only. It is what clients are served (SyncStep2) and what is broadcast.
 * - `proving` is `doc` plus the updates accepted but not yet durable. Every incoming update is first
 *   applied here: Yjs can throw half-way through integrating a crafted update, and a throw here
 *   only costs rebuilding `proving`. What Yjs reports as the effective change (its `update` event)
 *   is what gets stored, applied to `doc` and broadcast, so garbage never reaches the log.
 *
 * The order for an incoming update is: write permission (writePermission.ts) → structural check →
 * apply to `proving` → facilitation check → append to the store (group commit) → once durable, apply
 * to `doc` → broadcast to the other connections. Updates become
 * durable in the order they were accepted (the FIFO `inflight`), and `saved` acks sit in the same
 * FIFO, so an ack is sent only after every update received before it is durable.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode, RootKey, checkTransactionShape, getMeta } from '@suishin/shared';
import type { Logger } from '../logger';
import type { MeetingProjection, MeetingStore } from '../persistence/store';
import {
  decodeAwarenessUpdate,
  encodeAwarenessEntries,
  filterOwnAwareness,
  stampIdentity,
  type AwarenessLimits,
} from './awarenessGuard';
import { AwarenessBroadcast, type AwarenessBroadcastDelays } from './awarenessBroadcast';
import { ClientOwners } from './clientOwners';
import type { Connection } from './connection';
import {
  awarenessFrame,
  permissionDeniedFrame,
  saveFailedFrame,
  savedFrame,
  syncStep1Frame,
  syncStep2Frame,
  syncStep2FrameOf,
  updateFrame,
} from './protocolMessages';
import { docFromStored, storedFullState } from './storedDoc';
import { changesDocument } from './updateEffect';
import { checkReach } from './updateReach';
import { checkUpdate } from './updateValidation';
import {
  DENIAL_NOTICE_INTERVAL_MS,
  MAX_INVALID_UPDATES,
  UpdateRefusal,
  refuseEnding,
  refuseMetaChange,
  refuseWrite,
  type WriteRefusal,
} from './writePermission';

export interface RoomOptions {
  store: MeetingStore;
  logger: Logger;
  compactAfterUpdates: number;
  maxUpdateBytes: number;
  awareness: AwarenessLimits;
  /** How long awareness changes and renewals may wait to be relayed merged (awarenessBroadcast.ts). */
  awarenessDelays?: AwarenessBroadcastDelays;
  /** Delay before the list projection (title, status…) is refreshed after an edit. */
  projectionDelayMs: number;
  /** Called with how long each accepted update took to become durable (ms). */
  onDurable?(ms: number): void;
  /** Called when the last connection has left. */
  onEmpty(room: Room): void;
  /** Called when storage failed: every connection has been closed and the room must be dropped. */
  onFailed(room: Room): void;
  /** Root keys besides the model's that clients may write (tests and benchmarks only; see documentShape.ts). */
  extraRootKeys?: ReadonlySet<string>;
}

/**
 * Who an update came from: a client's connection, or null for a change the server made itself
 * (see applyServerChange), which is relayed to every connection.
 */
type Sender = Connection | null;

type InflightEntry =
  | { kind: 'update'; update: Uint8Array; from: Sender; state: 'pending' | 'durable' | 'failed'; seq: number }
  // (claims of client ids made by the update are stored with it: ClientOwners)
  | { kind: 'ack'; conn: Connection; nonce: number };

export type ReceiveResult = { ok: true } | { ok: false; reason: string };

/** Origin of transactions that apply durable updates to `doc`. */
const DURABLE = Symbol('durable');
/** Origin of the server's own changes on `proving` (applyServerChange). */
const SERVER_CHANGE = Symbol('server-change');

export class Room {
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<Connection>();
  private readonly awarenessBroadcast: AwarenessBroadcast;
  /** Built lazily on the first incoming update, so rooms that are only read stay cheap. */
  private provingDoc: Y.Doc | null = null;
  private readonly inflight: InflightEntry[] = [];
  private lastAppliedSeq: number;
  private updatesSinceSnapshot: number;
  private compacting = false;
  private failed = false;
  private projection: MeetingProjection;
  private projectionTimer: NodeJS.Timeout | null = null;
  private idleWaiters: (() => void)[] = [];
  /** Whether the newest accepted state says `ended`; null = recompute (see `ended`). */
  private endedCache: boolean | null = null;
  /** Set once every connection has been told the meeting ended. */
  private endAnnounced = false;
  /** Meta keys changed by the transactions on `proving` since the last reset (see receiveUpdate). */
  private metaKeysChanged: Set<string | null> | null = null;
  /** What a client's transaction on `proving` breaks of the document's layout (documentShape.ts), or null. */
  private shapeProblem: string | null = null;
  /** Which principal each client id belongs to (clientOwners.ts). */
  private readonly owners: ClientOwners;
  /**
   * `doc`'s whole state as one update, and the SyncStep2 frame carrying it, until `doc` changes.
   * A client with nothing (a new tab, the 50 people opening the meeting at 10:00) needs exactly
   * this: it is encoded once per change of the document instead of once per joiner.
   */
  private fullState: { update: Uint8Array; frame: Uint8Array | null } | null = null;
  /** The state vector of the stored snapshot the room was loaded from, when that alone was the document. */
  readonly storedStateVector: Uint8Array | null;

  private constructor(
    readonly meetingId: string,
    readonly doc: Y.Doc,
    private readonly options: RoomOptions,
    snapshotState: { lastSeq: number; tail: number },
    clientOwners: Iterable<readonly [number, string]>,
    /** The stored snapshot when it alone is the document (no log tail): already its full state. */
    loadedFullState: Uint8Array | null = null,
  ) {
    this.owners = new ClientOwners(clientOwners);
    if (loadedFullState) this.fullState = { update: loadedFullState, frame: null };
    this.storedStateVector = loadedFullState ? Y.encodeStateVector(doc) : null; // doc is that snapshot, nothing else yet
    // afterTransaction, not 'update': with an 'update' listener Yjs would encode every change
    // of `doc` as an update, only for it to be dropped here.
    doc.on('afterTransaction', () => {
      this.fullState = null;
    });
    this.lastAppliedSeq = snapshotState.lastSeq;
    this.updatesSinceSnapshot = snapshotState.tail;
    this.projection = projectionOf(doc);
    this.endAnnounced = this.projection.status === 'ended'; // connections are told as they attach
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    this.awarenessBroadcast = new AwarenessBroadcast(
      this.awareness,
      (frame) => {
        for (const conn of this.connections) conn.send(frame);
      },
      options.awarenessDelays,
    );
  }

  /**
   * Loads the room from the store; null when the meeting does not exist. Never writes.
   * `onStoredState` gets the meeting's whole state as soon as it is read, when the store holds it as
   * one update (a compacted meeting: its snapshot, no log tail), before the document is built from it.
   */
  static async load(meetingId: string, options: RoomOptions, onStoredState?: (update: Uint8Array) => void): Promise<Room | null> {
    const stored = await options.store.loadMeeting(meetingId);
    if (!stored) return null;
    // If the document then cannot be built, the connection is refused as ever.
    const fullState = storedFullState(stored);
    if (fullState) onStoredState?.(fullState);
    const doc = docFromStored(stored);
    const lastSeq = stored.updates.at(-1)?.seq ?? stored.snapshotUptoSeq;
    return new Room(meetingId, doc, options, { lastSeq, tail: stored.updates.length }, stored.clientOwners, fullState);
  }

  /** `doc`'s whole state as one update (cached until `doc` changes). */
  get fullStateUpdate(): Uint8Array {
    this.fullState ??= { update: Y.encodeStateAsUpdate(this.doc), frame: null };
    return this.fullState.update;
  }

  /**
   * The SyncStep2 answering a client's SyncStep1: what `doc` has that the client's state vector
   * lacks. A client that has nothing gets the cached full state.
   */
  syncStep2For(stateVector: Uint8Array, alreadySent: Uint8Array | null = null): Uint8Array {
    // `alreadySent`: the state vector of what the client was sent before it asked (Connection.sentStateVector).
    if (alreadySent) return syncStep2Frame(this.doc, mergeStateVectors(stateVector, alreadySent));
    if (!isEmptyStateVector(stateVector)) return syncStep2Frame(this.doc, stateVector);
    const update = this.fullStateUpdate;
    const cached = this.fullState!;
    cached.frame ??= syncStep2FrameOf(update);
    return cached.frame;
  }

  /** Adds a connection and starts the sync handshake (server's SyncStep1, current awareness). */
  attach(conn: Connection) {
    this.connections.add(conn);
    conn.onClose(() => this.detach(conn));
    if (conn.closed) return;
    conn.send(syncStep1Frame(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) conn.send(awarenessFrame(this.awareness, states));
    // Tell a connection that cannot write so at once (observers, an ended meeting), not on its first edit.
    const refusal = refuseWrite(conn.access.role, this.ended);
    if (refusal) this.deny(conn, refusal);
  }

  private detach(conn: Connection) {
    if (!this.connections.delete(conn)) return;
    if (conn.awarenessClientId !== null) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [conn.awarenessClientId], conn);
    }
    if (this.connections.size === 0) this.options.onEmpty(this);
  }

  /**
   * Handles a SyncStep2 or Update payload from `from`. Updates the sender may not make are dropped
   * and the sender is told (writePermission.ts); `ok: false` means the frame was malformed.
   */
  receiveUpdate(from: Connection, update: Uint8Array): ReceiveResult {
    if (this.failed) return { ok: true }; // connections are being closed; ignore
    const refusal = refuseWrite(from.access.role, this.ended);
    if (refusal) {
      // Only a refusal that loses an edit fails the sender's next save request: a reconnecting
      // client sends back what the room already has, and that is not an edit. (Reading the update
      // costs a walk of the document, so it is done once per save request at most.)
      if (
        from.refusedSinceSaveRequest === null &&
        checkUpdate(update, { maxBytes: this.options.maxUpdateBytes }).ok &&
        changesDocument(this.newestState, update)
      ) {
        from.refusedSinceSaveRequest = refusal;
      }
      this.deny(from, refusal);
      return { ok: true };
    }
    const check = checkUpdate(update, { maxBytes: this.options.maxUpdateBytes });
    if (!check.ok) return { ok: false, reason: `malformed update: ${check.reason}` };
    // Nothing new, and nothing in flight to prove it against: every joining client sends one of
    // these (its SyncStep2 reply). Reading it is far cheaper than building `proving` (a copy of
    // the whole document) only to find that it changes nothing.
    if (this.provingDoc === null && !this.hasInflightUpdates && !changesDocument(this.doc, update)) {
      return { ok: true };
    }

    const proving = this.proving;
    // Everything the update refers to must be in the meeting already (updateReach.ts), and new
    // content may only be written under client ids of the sender's own (clientOwners.ts). Both are
    // read from the update before anything is applied.
    const reach = checkReach((client) => Y.getState(proving.store, client), update);
    if (!reach.ok) return this.refuse(from, UpdateRefusal.outOfRange, reach.reason);
    const claims: [number, string][] = [];
    const taken = this.owners.claim(from.access.principal, reach.writtenClients, claims);
    if (taken !== null) return this.refuse(from, UpdateRefusal.clientIdTaken, `client id ${taken} belongs to someone else`);

    let effective: Uint8Array | null = null;
    const capture = (u: Uint8Array) => {
      effective = effective ? Y.mergeUpdates([effective, u]) : u;
    };
    proving.on('update', capture);
    this.metaKeysChanged = null;
    this.shapeProblem = null;
    const started = performance.now();
    try {
      Y.applyUpdate(proving, update);
    } catch (error) {
      // `proving` may now hold part of the update: rebuild it from durable state plus in-flight updates.
      this.rebuildProving();
      return { ok: false, reason: `update rejected by Yjs: ${(error as Error).message}` };
    } finally {
      proving.off('update', capture);
      const took = performance.now() - started;
      if (took > 200) this.options.logger.warn('slow update', { meetingId: this.meetingId, ms: Math.round(took) });
    }
    if (proving.store.pendingStructs !== null || proving.store.pendingDs !== null) {
      // checkReach lets nothing through that Yjs would keep pending; should that ever be wrong, the
      // update is still refused: nothing may wait in `proving` to apply inside a later transaction.
      this.rebuildProving();
      return this.refuse(from, UpdateRefusal.outOfRange, 'the update refers to content the meeting does not have');
    }
    if (effective === null) return { ok: true }; // nothing new (e.g. a SyncStep2 we already had)
    if (this.shapeProblem !== null) {
      this.rebuildProving();
      // Only a crafted or incompatible client gets here (the model validates every write); each
      // refusal costs a rebuild of `proving`, so a connection that keeps sending them is closed.
      if (++from.invalidUpdates > MAX_INVALID_UPDATES) return { ok: false, reason: `invalid update: ${this.shapeProblem}` };
      return this.refuse(from, UpdateRefusal.invalidRecord, this.shapeProblem);
    }
    const metaRefusal = refuseMetaChange(from.access.role, this.metaKeysChanged) ?? refuseEnding(this.metaKeysChanged, () => this.ended);
    if (metaRefusal) {
      from.refusedSinceSaveRequest = metaRefusal;
      this.rebuildProving(); // `proving` must not keep what was refused
      this.deny(from, metaRefusal);
      return { ok: true };
    }
    this.enqueue(effective, from, claims);
    return { ok: true };
  }

  /**
   * Drops an update that cannot be applied as it is (writePermission.ts's UpdateRefusal): the sender
   * is told why, and its next save request fails with that reason. Nothing was applied.
   */
  private refuse(from: Connection, refusal: UpdateRefusal, detail: string): ReceiveResult {
    this.options.logger.info('update refused', { meetingId: this.meetingId, connection: from.id, refusal, detail });
    from.refusedSinceSaveRequest ??= refusal;
    this.deny(from, refusal, detail);
    return { ok: true };
  }

  /**
   * Whether the newest accepted state (`proving`, which includes updates not yet durable) says the
   * meeting has ended. Cached; invalidated whenever a transaction on `proving` touches the meta map.
   */
  private get ended(): boolean {
    this.endedCache ??= getMeta(this.newestState).status === 'ended';
    return this.endedCache;
  }

  /**
   * Everything accepted so far, durable or not: `proving` when it exists or updates are in flight,
   * else `doc` (so a room that is only read never builds `proving`).
   */
  private get newestState(): Y.Doc {
    return this.provingDoc ?? (this.hasInflightUpdates ? this.proving : this.doc);
  }

  /** Whether updates were accepted that are not yet durable (and so not yet in `doc`). */
  private get hasInflightUpdates(): boolean {
    return this.inflight.some((e) => e.kind === 'update');
  }

  /** Tells `conn` its update was dropped, at most once per DENIAL_NOTICE_INTERVAL_MS. */
  private deny(conn: Connection, reason: WriteRefusal | UpdateRefusal, detail?: string) {
    const now = performance.now();
    if (now - conn.lastDeniedAt < DENIAL_NOTICE_INTERVAL_MS) return;
    conn.lastDeniedAt = now;
    conn.send(permissionDeniedFrame(detail === undefined ? reason : `${reason}: ${detail}`));
  }

  /**
   * A change the server makes itself (ending the meeting, writing back a tracker key). It takes the
   * same durable path as a client's update: `change` runs in one transaction on `proving` (after
   * every update accepted so far), the effective update is appended to the store, and only once it
   * is durable is it applied to `doc` and relayed to every connection. If `change` throws, nothing is
   * stored and the error is rethrown. Resolves with `change`'s result once the change is durable;
   * rejects if storing it failed. It does not go through any connection, so rules that refuse
   * clients' updates do not apply to it.
   */
  async applyServerChange<T>(change: (doc: Y.Doc) => T): Promise<T> {
    if (this.failed) throw new Error(`meeting ${this.meetingId} is being unloaded after a storage failure`);
    let effective: Uint8Array | null = null;
    const capture = (u: Uint8Array) => {
      effective = effective ? Y.mergeUpdates([effective, u]) : u;
    };
    const proving = this.proving;
    proving.on('update', capture);
    let result: T;
    try {
      result = proving.transact(() => change(proving), SERVER_CHANGE);
    } catch (error) {
      this.rebuildProving(); // `change` may have written part of its transaction
      throw error;
    } finally {
      proving.off('update', capture);
    }
    if (effective === null) return result;
    const claims: [number, string][] = [];
    this.owners.claimForServer(proving.clientID, claims);
    const entry = this.enqueue(effective, null, claims);
    await this.whenIdle();
    if (entry.state !== 'durable') throw new Error(`storing a server change to meeting ${this.meetingId} failed`);
    return result;
  }

  /** Appends an effective update to the store; `drain` applies and relays it once durable. */
  private enqueue(effective: Uint8Array, from: Sender, claims: readonly [number, string][]) {
    const entry: InflightEntry & { kind: 'update' } = { kind: 'update', update: effective, from, state: 'pending', seq: 0 };
    this.inflight.push(entry);
    let durable: Promise<number>;
    const started = performance.now();
    try {
      durable = this.options.store.appendUpdate(this.meetingId, effective, claims);
    } catch (error) {
      durable = Promise.reject(error); // a store must reject, not throw; handle both the same way
    }
    durable.then(
      (seq) => {
        this.options.onDurable?.(performance.now() - started);
        entry.state = 'durable';
        entry.seq = seq;
        this.drain();
      },
      (error: unknown) => {
        entry.state = 'failed';
        this.options.logger.error('storing an update failed', { meetingId: this.meetingId, error });
        this.drain();
      },
    );
    return entry;
  }

  /**
   * `saveRequest`: answer `saved(nonce)` once everything received before it is durable, or at once
   * `saveFailed(<refusal>)` when an edit from this connection was refused since its last request.
   */
  requestSaveAck(conn: Connection, nonce: number) {
    if (this.failed) return;
    if (conn.refusedSinceSaveRequest !== null) {
      conn.send(saveFailedFrame(conn.refusedSinceSaveRequest));
      conn.refusedSinceSaveRequest = null;
      return;
    }
    if (this.inflight.length === 0) conn.send(savedFrame(nonce));
    else this.inflight.push({ kind: 'ack', conn, nonce });
  }

  /** Applies an awareness update, keeping only the sender's own client. Throws if undecodable. */
  receiveAwareness(conn: Connection, update: Uint8Array) {
    const entries = decodeAwarenessUpdate(update, this.options.awareness);
    const { kept, clientId } = filterOwnAwareness<Connection | 'someone else'>(entries, conn, conn.awarenessClientId, (id) =>
      this.ownerOfAwareness(id) ?? (this.owners.mayUseForPresence(conn.access.principal, id) ? undefined : 'someone else'),
    );
    conn.awarenessClientId = clientId;
    if (kept.length === 0) return;
    const identity = { name: conn.access.name, role: conn.access.role };
    const stamped = kept.map((entry) => ({ ...entry, stateJson: stampIdentity(entry.stateJson, identity) }));
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(stamped), conn);
  }


  sendAllAwareness(conn: Connection) {
    const states = [...this.awareness.getStates().keys()];
    conn.send(awarenessFrame(this.awareness, states));
  }

  private ownerOfAwareness(clientId: number): Connection | undefined {
    for (const c of this.connections) if (c.awarenessClientId === clientId) return c;
    return undefined;
  }

  private drain() {
    // Durable updates at the head of the FIFO are applied in one transaction, and consecutive ones
    // from the same sender are broadcast as one merged frame (receivers then apply one update).
    let run: { from: Sender; updates: Uint8Array[] } | null = null;
    const runs: { from: Sender; updates: Uint8Array[] }[] = [];
    const applied: Uint8Array[] = [];
    while (this.inflight.length > 0 && !this.failed) {
      const head = this.inflight[0]!;
      if (head.kind === 'ack') {
        // Everything before the ack must be applied and relayed before the ack goes out.
        this.applyDurable(applied.splice(0), runs.splice(0));
        run = null;
        this.inflight.shift();
        head.conn.send(savedFrame(head.nonce));
        continue;
      }
      if (head.state === 'pending') break;
      if (head.state === 'failed') {
        this.applyDurable(applied.splice(0), runs.splice(0));
        this.fail('storage failed; the last changes were not saved');
        return;
      }
      this.inflight.shift();
      applied.push(head.update);
      this.lastAppliedSeq = Math.max(this.lastAppliedSeq, head.seq);
      if (run && run.from === head.from) run.updates.push(head.update);
      else runs.push((run = { from: head.from, updates: [head.update] }));
    }
    this.applyDurable(applied, runs);
    if (this.inflight.length === 0) {
      this.notifyIdle();
      // Compact only with nothing in flight: then `doc` holds every update up to lastAppliedSeq,
      // whatever order a store assigns seqs in.
      if (!this.failed && this.updatesSinceSnapshot >= this.options.compactAfterUpdates) void this.compact();
    }
  }

  /** Relays durable updates to everyone but their sender, then applies them to `doc`. */
  private applyDurable(updates: Uint8Array[], runs: { from: Sender; updates: Uint8Array[] }[]) {
    if (updates.length === 0) return;
    for (const r of runs) {
      const frame = updateFrame(r.updates.length === 1 ? r.updates[0]! : Y.mergeUpdates(r.updates));
      for (const conn of this.connections) if (conn !== r.from) conn.send(frame);
    }
    this.doc.transact(() => {
      for (const u of updates) Y.applyUpdate(this.doc, u, DURABLE);
    }, DURABLE);
    this.updatesSinceSnapshot += updates.length;
    this.scheduleProjectionRefresh();
    if (this.ended && !this.endAnnounced && getMeta(this.doc).status === 'ended') this.announceEnd();
  }

  /** The end of the meeting is now durable and relayed: every open connection is read-only from here on. */
  private announceEnd() {
    this.endAnnounced = true;
    for (const conn of this.connections) this.deny(conn, refuseWrite(conn.access.role, true)!);
  }

  /**
   * Storage failed: the failed update is not applied. Tell each connection with unsaved updates,
   * close every connection (clients keep their edits and resend them on reconnect, by SyncStep2)
   * and let the registry drop the room without writing anything more.
   */
  private fail(reason: string) {
    if (this.failed) return;
    this.failed = true;
    const affected = new Set<Connection>();
    for (const e of this.inflight) if (e.kind === 'update' && e.from) affected.add(e.from);
    for (const conn of affected) conn.send(saveFailedFrame(reason));
    for (const conn of [...this.connections]) conn.close(CloseCode.storageFailed, reason);
    this.inflight.length = 0;
    this.notifyIdle();
    this.options.onFailed(this);
  }

  private get proving(): Y.Doc {
    if (!this.provingDoc) {
      const proving = new Y.Doc();
      Y.applyUpdate(proving, this.fullStateUpdate);
      for (const e of this.inflight) {
        if (e.kind === 'update' && e.state !== 'failed') Y.applyUpdate(proving, e.update);
      }
      const meta = proving.getMap(RootKey.meta) as unknown as Y.AbstractType<Y.YEvent<any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
      proving.on('afterTransaction', (tr: Y.Transaction) => {
        if (tr.origin !== SERVER_CHANGE) this.shapeProblem ??= checkTransactionShape(tr, { extraRootKeys: this.options.extraRootKeys });
        const keys = tr.changed.get(meta);
        if (!keys) return;
        this.endedCache = null;
        this.metaKeysChanged ??= new Set();
        for (const key of keys) this.metaKeysChanged.add(key);
      });
      this.provingDoc = proving;
      this.endedCache = null;
    }
    return this.provingDoc;
  }

  private rebuildProving() {
    this.provingDoc?.destroy();
    this.provingDoc = null;
    this.endedCache = null;
  }

  /**
   * Folds the log into a snapshot of `doc`. Called with nothing in flight, so `doc` holds every
   * stored update up to lastAppliedSeq; updates accepted while the snapshot is being written get
   * larger seqs and are kept, so dropping seq <= lastAppliedSeq loses nothing.
   */
  async compact() {
    if (this.compacting || this.failed || this.updatesSinceSnapshot === 0 || this.inflight.length > 0) return;
    this.compacting = true;
    const counted = this.updatesSinceSnapshot;
    const uptoSeq = this.lastAppliedSeq;
    try {
      await this.options.store.compact(this.meetingId, this.fullStateUpdate, uptoSeq);
      this.updatesSinceSnapshot -= counted;
    } catch (error) {
      this.options.logger.error('compaction failed', { meetingId: this.meetingId, error });
    } finally {
      this.compacting = false;
    }
  }

  private scheduleProjectionRefresh() {
    if (this.projectionTimer) return;
    this.projectionTimer = setTimeout(() => {
      this.projectionTimer = null;
      void this.refreshProjection();
    }, this.options.projectionDelayMs);
    this.projectionTimer.unref();
  }

  /** Writes title/status/scheduled start to the meetings row if they changed. */
  async refreshProjection() {
    if (this.failed) return;
    const next = projectionOf(this.doc);
    const prev = this.projection;
    if (next.title === prev.title && next.status === prev.status && next.scheduledStart === prev.scheduledStart) return;
    this.projection = next;
    try {
      await this.options.store.updateProjection(this.meetingId, next);
    } catch (error) {
      this.projection = prev;
      this.options.logger.error('refreshing the meeting row failed', { meetingId: this.meetingId, error });
    }
  }

  /** Resolves once every accepted update has settled (durable and applied, or failed). */
  whenIdle(): Promise<void> {
    if (this.inflight.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private notifyIdle() {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  /**
   * Unload: waits for in-flight updates, refreshes the projection, folds the log into a snapshot,
   * then frees memory. Never called for a failed room (nothing may be written for it).
   */
  async persistAndClose() {
    await this.whenIdle();
    if (this.projectionTimer) clearTimeout(this.projectionTimer);
    this.projectionTimer = null;
    if (!this.failed) {
      await this.refreshProjection();
      await this.compact();
    }
    this.destroy();
  }

  destroy() {
    if (this.projectionTimer) clearTimeout(this.projectionTimer);
    this.awarenessBroadcast.destroy();
    this.awareness.destroy();
    this.provingDoc?.destroy();
    this.doc.destroy();
  }
}

/** An empty state vector (a client that has nothing yet) encodes as a single 0. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}

function projectionOf(doc: Y.Doc): MeetingProjection {
  const meta = getMeta(doc);
  return { title: meta.title, status: meta.status, scheduledStart: meta.scheduledStart };
}

/** The state vector of a client that has everything either vector says it has. */
function mergeStateVectors(a: Uint8Array, b: Uint8Array): Uint8Array {
  const merged = Y.decodeStateVector(a);
  for (const [client, clock] of Y.decodeStateVector(b)) merged.set(client, Math.max(clock, merged.get(client) ?? 0));
  return Y.encodeStateVector(merged);
}
