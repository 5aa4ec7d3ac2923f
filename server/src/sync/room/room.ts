/**
 * One open meeting: its durable document, its connections, and the write path between them.
 *
 * Two documents are kept:
 * - `doc` holds durable state only. It is what clients are served (SyncStep2) and what is broadcast.
 * - the proving document (provingDocument.ts) is `doc` plus the updates accepted but not yet durable.
 *
 * The order for an incoming update is: write permission (writePermission.ts) → structural check
 * (updateValidation.ts) → reach and client-id ownership (updateReach.ts, clientOwners.ts) → apply to
 * the proving document → layout, facilitation and ending checks → append to the store (group commit,
 * durableQueue.ts) → once durable, apply to `doc`, relay to the other connections and publish
 * (relay.ts). Alongside: presence (presence.ts), the full-state cache (fullState.ts), compaction
 * (compaction.ts), and lifecycle events (roomEvents.ts).
 */
import * as Y from 'yjs';
import { CloseCode, getMeta } from '@suishin/shared';
import type { Logger } from '../../logger';
import type { ClientClaim, MeetingStore } from '../../persistence/store';
import type { Connection } from '../connection';
import { permissionDeniedFrame, saveFailedFrame, syncStep1Frame, updateFrame } from '../protocolMessages';
import { docFromStored, storedFullState } from '../../meetings/storedDocument';
import { atCurrentLayout, migrateOnLoad } from '../../meetings/migrateOnLoad';
import type { AwarenessLimits } from './awarenessGuard';
import type { AwarenessBroadcastDelays } from './awarenessBroadcast';
import { ClientOwners } from './clientOwners';
import { Compaction } from './compaction';
import { DurableQueue, mergedUpdate, type DurableRun, type Sender } from './durableQueue';
import { FullStateCache } from './fullState';
import { ListRow } from './listRow';
import { RoomPresence } from './presence';
import { ProvingDocument } from './provingDocument';
import { inProcessRelay, type RoomRelay } from './relay';
import type { RoomEvents } from './roomEvents';
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
  /** Lifecycle events (the registry's). */
  events?: RoomEvents;
  /** Where durable updates go beyond this process (default: nowhere). */
  relay?: RoomRelay;
}

export type ReceiveResult = { ok: true } | { ok: false; reason: string };

/** Origin of transactions that apply durable updates to `doc`. */
const DURABLE = Symbol('durable');

export class Room {
  readonly connections = new Set<Connection>();
  private readonly presence: RoomPresence;
  private readonly fullState: FullStateCache;
  private readonly proving: ProvingDocument;
  private readonly queue: DurableQueue;
  private readonly compaction: Compaction;
  /** Which principal each client id belongs to (clientOwners.ts). */
  private readonly owners: ClientOwners;
  private readonly unsubscribeRelay: () => void;
  private failed = false;
  private readonly listRow: ListRow;
  /** Whether the newest accepted state says `ended`; null = recompute (see `ended`). */
  private endedCache: boolean | null = null;
  /** Set once every connection has been told the meeting ended. */
  private endAnnounced = false;
  /** The state vector of the stored snapshot the room was loaded from, when that alone was the document. */
  readonly storedStateVector: Uint8Array | null;

  private constructor(
    readonly meetingId: string,
    readonly doc: Y.Doc,
    private readonly options: RoomOptions,
    loaded: { snapshotUptoSeq: number; tailSeqs: number[]; clientOwners: Iterable<ClientClaim> },
    /** The stored snapshot when it alone is the document (no log tail): already its full state. */
    loadedFullState: Uint8Array | null,
  ) {
    this.owners = new ClientOwners(loaded.clientOwners);
    this.fullState = new FullStateCache(doc, loadedFullState);
    this.storedStateVector = loadedFullState ? Y.encodeStateVector(doc) : null; // doc is that snapshot, nothing else yet
    this.compaction = new Compaction(meetingId, options.store, options.logger, options.compactAfterUpdates, loaded);
    this.queue = new DurableQueue({
      meetingId,
      logger: options.logger,
      append: (update, claims) => options.store.appendUpdate(meetingId, update, claims),
      applyDurable: (updates, seqs, runs) => this.applyDurable(updates, seqs, runs),
      onFailed: (affected) => this.fail('storage failed; the last changes were not saved', affected),
      onIdle: () => {
        // Compact only with nothing in flight: then `doc` holds every update noted so far.
        if (!this.failed && this.compaction.due) void this.compact();
      },
      onDurable: options.onDurable,
    });
    this.proving = new ProvingDocument(
      { fullState: () => this.fullState.update, inflight: () => this.queue.pendingUpdates() },
      { extraRootKeys: options.extraRootKeys },
      () => (this.endedCache = null),
    );
    this.listRow = new ListRow(meetingId, doc, options.store, options.logger, options.projectionDelayMs, (row) =>
      this.options.events?.emit('listed', meetingId, this, row),
    );
    this.endAnnounced = this.listRow.status === 'ended'; // connections are told as they attach
    this.presence = new RoomPresence(doc, this.connections, this.owners, options.awareness, options.awarenessDelays);
    this.unsubscribeRelay = (options.relay ?? inProcessRelay).subscribe(meetingId, (update, seq) => this.receiveRemote(update, seq));
  }

  /**
   * Loads the room from the store; null when the meeting does not exist. Writes only to migrate an
   * older document (meetings/migrateOnLoad.ts); refuses a newer one (NewerDocumentError).
   * `onStoredState` gets the meeting's whole state as soon as it is read, when the store holds it as
   * one update (a compacted meeting: its snapshot, no log tail), before the document is built from it.
   */
  static async load(meetingId: string, options: RoomOptions, onStoredState?: (update: Uint8Array) => void): Promise<Room | null> {
    const stored = await options.store.loadMeeting(meetingId);
    if (!stored) return null;
    // If the document then cannot be built, the connection is refused as ever.
    const fullState = storedFullState(stored);
    if (fullState && onStoredState && atCurrentLayout(fullState)) onStoredState(fullState); // not one a migration will change
    const doc = docFromStored(stored);
    const loaded = { snapshotUptoSeq: stored.snapshotUptoSeq, tailSeqs: stored.updates.map((u) => u.seq), clientOwners: stored.clientOwners };
    const room = new Room(meetingId, doc, options, loaded, fullState);
    await migrateOnLoad(room, options.logger); // an older layout brought up to date, durably, before anyone is attached
    return room;
  }

  get awareness() {
    return this.presence.awareness;
  }

  /** `doc`'s whole state as one update (cached until `doc` changes). */
  get fullStateUpdate(): Uint8Array {
    return this.fullState.update;
  }

  /** The SyncStep2 answering a client's SyncStep1 (fullState.ts). */
  syncStep2For(stateVector: Uint8Array, alreadySent: Uint8Array | null = null): Uint8Array {
    return this.fullState.syncStep2For(stateVector, alreadySent);
  }

  /** Adds a connection and starts the sync handshake (server's SyncStep1, current awareness). */
  attach(conn: Connection) {
    this.connections.add(conn);
    conn.onClose(() => this.detach(conn));
    if (conn.closed) return;
    conn.send(syncStep1Frame(this.doc));
    this.presence.greet(conn);
    // Tell a connection that cannot write so at once (observers, an ended meeting), not on its first edit.
    const refusal = refuseWrite(conn.access.role, this.ended);
    if (refusal) this.deny(conn, refusal);
  }

  private detach(conn: Connection) {
    if (!this.connections.delete(conn)) return;
    this.presence.leave(conn);
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
    // these (its SyncStep2 reply). Reading it is far cheaper than building the proving document (a
    // copy of the whole document) only to find that it changes nothing.
    if (!this.proving.built && !this.queue.hasUpdates && !changesDocument(this.doc, update)) return { ok: true };

    const proving = this.proving.current;
    // Everything the update refers to must be in the meeting already (updateReach.ts), and new
    // content may only be written under client ids of the sender's own (clientOwners.ts). Both are
    // read from the update before anything is applied.
    const reach = checkReach((client) => Y.getState(proving.store, client), update);
    if (!reach.ok) return this.refuse(from, UpdateRefusal.outOfRange, reach.reason);
    const claims: [number, string][] = [];
    const taken = this.owners.claim(from.access.principal, reach.writtenClients, claims);
    if (taken !== null) return this.refuse(from, UpdateRefusal.clientIdTaken, `client id ${taken} belongs to someone else`);

    const started = performance.now();
    const applied = this.proving.applyClientUpdate(update);
    const took = performance.now() - started;
    if (took > 200) this.options.logger.warn('slow update', { meetingId: this.meetingId, ms: Math.round(took) });
    if (!applied.ok) return applied;
    if (applied.pending) {
      // checkReach lets nothing through that Yjs would keep pending; should that ever be wrong, the
      // update is still refused: nothing may wait in the proving document to apply inside a later transaction.
      this.proving.rebuild();
      return this.refuse(from, UpdateRefusal.outOfRange, 'the update refers to content the meeting does not have');
    }
    if (applied.effective === null) return { ok: true }; // nothing new (e.g. a SyncStep2 we already had)
    if (applied.shapeProblem !== null) {
      this.proving.rebuild();
      // Only a crafted or incompatible client gets here (the model validates every write); each
      // refusal costs a rebuild of the proving document, so a connection that keeps sending them is closed.
      if (++from.invalidUpdates > MAX_INVALID_UPDATES) return { ok: false, reason: `invalid update: ${applied.shapeProblem}` };
      return this.refuse(from, UpdateRefusal.invalidRecord, applied.shapeProblem);
    }
    const metaRefusal = refuseMetaChange(from.access.role, applied.metaKeys) ?? refuseEnding(applied.metaKeys, () => this.ended);
    if (metaRefusal) {
      from.refusedSinceSaveRequest = metaRefusal;
      this.proving.rebuild(); // the proving document must not keep what was refused
      this.deny(from, metaRefusal);
      return { ok: true };
    }
    void this.queue.enqueue(applied.effective, from, claims);
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
   * Whether the newest accepted state (which includes updates not yet durable) says the meeting
   * has ended. Cached; invalidated whenever a transaction on the proving document touches the meta map.
   */
  private get ended(): boolean {
    this.endedCache ??= getMeta(this.newestState).status === 'ended';
    return this.endedCache;
  }

  /**
   * Everything accepted so far, durable or not: the proving document when it exists or updates are
   * in flight, else `doc` (so a room that is only read never builds the proving document).
   */
  private get newestState(): Y.Doc {
    return this.proving.built || this.queue.hasUpdates ? this.proving.current : this.doc;
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
   * same durable path as a client's update: `change` runs in one transaction on the proving
   * document (after every update accepted so far), the effective update is appended to the store,
   * and only once it is durable is it applied to `doc` and relayed to every connection. If `change`
   * throws, nothing is stored and the error is rethrown. Resolves with `change`'s result once the
   * change is durable; rejects if storing it failed. It does not go through any connection, so
   * rules that refuse clients' updates do not apply to it.
   */
  async applyServerChange<T>(change: (doc: Y.Doc) => T): Promise<T> {
    if (this.failed) throw new Error(`meeting ${this.meetingId} is being unloaded after a storage failure`);
    const { result, effective, clientId } = this.proving.applyServerChange(change);
    if (effective === null) return result;
    const claims: [number, string][] = [];
    this.owners.claimForServer(clientId, claims);
    const stored = this.queue.enqueue(effective, null, claims);
    await this.queue.whenIdle();
    if (!(await stored)) throw new Error(`storing a server change to meeting ${this.meetingId} failed`);
    return result;
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
    this.queue.ack(conn, nonce);
  }

  /** Applies an awareness update, keeping only the sender's own client (presence.ts). Throws if undecodable. */
  receiveAwareness(conn: Connection, update: Uint8Array) {
    this.presence.receive(conn, update);
  }

  sendAllAwareness(conn: Connection) {
    this.presence.sendAll(conn);
  }

  /** Relays durable updates to everyone but their sender, applies them to `doc`, and publishes them. */
  private applyDurable(updates: Uint8Array[], seqs: number[], runs: DurableRun[]) {
    for (const r of runs) this.relayToConnections(mergedUpdate(r.updates), r.from);
    this.doc.transact(() => {
      for (const u of updates) Y.applyUpdate(this.doc, u, DURABLE);
    }, DURABLE);
    this.afterDurable(updates, seqs);
    const relay = this.options.relay ?? inProcessRelay;
    updates.forEach((u, i) => relay.publish(this.meetingId, u, seqs[i]!));
  }

  /** An update another instance stored (relay.ts): durable already, so applied and relayed at once. */
  private receiveRemote(update: Uint8Array, seq: number) {
    if (this.failed) return;
    this.relayToConnections(update, null);
    Y.applyUpdate(this.doc, update, DURABLE);
    this.proving.applyDurable(update);
    this.afterDurable([update], [seq]);
  }

  private relayToConnections(update: Uint8Array, except: Sender) {
    const frame = updateFrame(update);
    for (const conn of this.connections) if (conn !== except) conn.send(frame);
  }

  private afterDurable(updates: Uint8Array[], seqs: number[]) {
    this.compaction.noteApplied(seqs);
    this.listRow.schedule();
    void this.options.events?.emit('durable', this.meetingId, this, updates, seqs);
    if (this.ended && !this.endAnnounced && getMeta(this.doc).status === 'ended') this.announceEnd();
  }

  /** The end of the meeting is now durable and relayed: every open connection is read-only from here on. */
  private announceEnd() {
    this.endAnnounced = true;
    for (const conn of this.connections) this.deny(conn, refuseWrite(conn.access.role, true)!);
    void this.options.events?.emit('ended', this.meetingId, this);
  }

  /**
   * Storage failed: the failed update is not applied. Tell each connection with unsaved updates,
   * close every connection (clients keep their edits and resend them on reconnect, by SyncStep2)
   * and let the registry drop the room without writing anything more.
   */
  private fail(reason: string, affected: Set<Connection>) {
    if (this.failed) return;
    this.failed = true;
    for (const conn of affected) conn.send(saveFailedFrame(reason));
    for (const conn of [...this.connections]) conn.close(CloseCode.storageFailed, reason);
    this.options.onFailed(this);
  }

  /** Folds the log into a snapshot of `doc` (compaction.ts). Only with nothing in flight. */
  async compact() {
    if (this.failed || !this.queue.isEmpty) return;
    await this.compaction.run(this.fullState.update);
  }

  /** Writes title/status/scheduled start to the meetings list row now, if they changed (listRow.ts). */
  async refreshProjection() {
    if (!this.failed) await this.listRow.refresh();
  }

  /** Resolves once every accepted update has settled (durable and applied, or failed). */
  whenIdle(): Promise<void> {
    return this.queue.whenIdle();
  }

  /**
   * Unload: waits for in-flight updates, refreshes the projection, folds the log into a snapshot,
   * then frees memory. Never called for a failed room (nothing may be written for it).
   */
  async persistAndClose() {
    await this.whenIdle();
    this.listRow.cancel();
    if (!this.failed) {
      await this.refreshProjection();
      await this.compact();
    }
    this.destroy();
  }

  destroy() {
    this.listRow.cancel();
    this.unsubscribeRelay();
    this.presence.destroy();
    this.proving.destroy();
    this.doc.destroy();
  }
}
