/**
 * The registry of open rooms. Each meeting id is in at most one state at a time:
 * - loading: every connection arriving now awaits the same load, and all get the loaded state;
 * - open: connections attach directly;
 * - unloading: the room's last client left and it waits its turn to persist (unloadQueue.ts), or
 *   is persisting (or was dropped after a storage failure). A connection arriving while it still
 *   waits takes it back as it is; once persisting has begun, it waits for that to finish and then
 *   loads the room afresh from the store, which by then holds everything (hocuspocus #995/#971
 *   are this race).
 * A load that fails is forgotten without writing anything, so the stored data stays as it was.
 */
import type { Logger } from '../logger';
import { Room, type RoomOptions } from './room/room';
import { RoomEvents } from './room/roomEvents';
import { UnloadQueue } from './unloadQueue';

type Slot =
  | { state: 'loading'; promise: Promise<Room | null> }
  | { state: 'open'; room: Room }
  | { state: 'unloading'; promise: Promise<void>; room?: Room; reclaim?: () => boolean };

export class RoomLoadError extends Error {
  override name = 'RoomLoadError';
}

export type RoomsOptions = Omit<RoomOptions, 'onEmpty' | 'onFailed' | 'events'>;

export class Rooms {
  private readonly slots = new Map<string, Slot>();
  /** Rooms persist and unload a few at a time, yielding in between (unloadQueue.ts). */
  private readonly unloads = new UnloadQueue();
  /** What happens to rooms (roomEvents.ts): loaded, durable, ended, unloading, unloaded. */
  readonly events: RoomEvents;

  constructor(
    private readonly options: RoomsOptions,
    private readonly logger: Logger,
  ) {
    this.events = new RoomEvents(logger);
  }

  /** The open room, if any; never loads. */
  peek(meetingId: string): Room | undefined {
    const slot = this.slots.get(meetingId);
    return slot?.state === 'open' ? slot.room : undefined;
  }

  get openCount() {
    return this.countIn('open');
  }

  /** Rooms persisting after their last client left (or being dropped), not yet freed. */
  get unloadingCount() {
    return this.countIn('unloading');
  }

  private countIn(state: Slot['state']) {
    let n = 0;
    for (const slot of this.slots.values()) if (slot.state === state) n++;
    return n;
  }

  /**
   * Returns the open room, loading it if needed; null if the meeting does not exist.
   * Throws RoomLoadError if it cannot be loaded. The caller must attach a connection at once
   * (in the same tick), so a room loaded for a client that left meanwhile is still unloaded.
   */
  async acquire(meetingId: string, onStoredState?: (update: Uint8Array) => void): Promise<Room | null> {
    for (;;) {
      const slot = this.slots.get(meetingId);
      if (!slot) return this.load(meetingId, onStoredState);
      if (slot.state === 'open') return slot.room;
      if (slot.state === 'loading') return slot.promise;
      // Still waiting for its turn to unload (unloadQueue.ts): nothing was written or freed yet, so
      // the room is taken back as it is (a blip: everyone reconnects within seconds).
      if (slot.room && slot.reclaim?.()) {
        this.slots.set(meetingId, { state: 'open', room: slot.room });
        return slot.room;
      }
      await slot.promise;
    }
  }

  /**
   * Runs `use` on the meeting's open room, loading it if needed (null if the meeting does not
   * exist). For server-side changes (room.applyServerChange): a room loaded only for this is
   * unloaded again afterwards unless someone joined meanwhile. Keep `use` short: do slow work
   * (network calls) before, not inside.
   */
  async withRoom<T>(meetingId: string, use: (room: Room) => Promise<T>): Promise<T | null> {
    const room = await this.acquire(meetingId);
    if (!room) return null;
    try {
      return await use(room);
    } finally {
      if (room.connections.size === 0) this.unload(room);
    }
  }

  private load(meetingId: string, onStoredState?: (update: Uint8Array) => void): Promise<Room | null> {
    const started = performance.now();
    const promise = Room.load(
      meetingId,
      {
        ...this.options,
        events: this.events,
        onEmpty: (room) => this.unload(room),
        onFailed: (room) => {
          void this.events.emit('failed', meetingId);
          this.drop(room);
        },
      },
      onStoredState,
    ).then(
      (room) => {
        if (room) {
          this.slots.set(meetingId, { state: 'open', room });
          this.logger.debug('room loaded', { meetingId, ms: +(performance.now() - started).toFixed(2) });
          void this.events.emit('loaded', meetingId, room);
        } else {
          this.slots.delete(meetingId);
        }
        return room;
      },
      (error: unknown) => {
        this.slots.delete(meetingId);
        this.logger.error('loading a meeting failed', { meetingId, error });
        throw new RoomLoadError(`could not load meeting ${meetingId}`, { cause: error });
      },
    );
    this.slots.set(meetingId, { state: 'loading', promise });
    return promise;
  }

  private unload(room: Room) {
    const slot = this.slots.get(room.meetingId);
    if (slot?.state !== 'open' || slot.room !== room || room.connections.size > 0) return;
    let started = false;
    const queued = this.unloads.add(async () => {
      started = true;
      await room
        .persistAndClose()
        .catch((error: unknown) => this.logger.error('unloading a meeting failed', { meetingId: room.meetingId, error }));
      if (this.slots.get(room.meetingId) === unloading) this.slots.delete(room.meetingId);
      void this.events.emit('unloaded', room.meetingId);
    });
    const unloading: Slot = {
      state: 'unloading',
      promise: queued.done,
      room,
      reclaim: () => !started && queued.cancel(),
    };
    this.slots.set(room.meetingId, unloading);
    void this.events.emit('unloading', room.meetingId, room);
  }

  /** After a storage failure: forget the room without writing; wait for writes already queued. */
  private drop(room: Room) {
    const slot = this.slots.get(room.meetingId);
    if (slot?.state !== 'open' || slot.room !== room) return;
    const promise = this.options.store
      .flush()
      .then(() => room.destroy())
      .finally(() => {
        if (this.slots.get(room.meetingId)?.state === 'unloading') this.slots.delete(room.meetingId);
      });
    this.slots.set(room.meetingId, { state: 'unloading', promise });
  }

  /**
   * Closes every connection of one meeting with `code` and resolves once its room is persisted and
   * unloaded (nothing of it is held any more): before the meeting is purged.
   */
  async closeMeeting(meetingId: string, code: number, reason: string) {
    for (let slot = this.slots.get(meetingId); slot; slot = this.slots.get(meetingId)) {
      if (slot.state === 'open') {
        for (const conn of [...slot.room.connections]) conn.close(code, reason);
        this.unload(slot.room);
        continue;
      }
      await slot.promise.catch(() => undefined);
    }
  }

  /** Shutdown: closes every connection with `code`, persists and unloads every room. */
  async closeAll(code: number, reason: string) {
    while (this.slots.size > 0) {
      const pending: Promise<unknown>[] = [];
      for (const slot of [...this.slots.values()]) {
        if (slot.state === 'open') {
          // Closing the last connection starts the unload; call it too for rooms that had none.
          for (const conn of [...slot.room.connections]) conn.close(code, reason);
          this.unload(slot.room);
        } else {
          pending.push(slot.promise.catch(() => undefined));
        }
      }
      await Promise.all(pending);
    }
  }
}
