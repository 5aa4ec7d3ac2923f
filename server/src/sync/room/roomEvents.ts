import type * as Y from 'yjs';
import type { Logger } from '../../logger';
import type { MeetingProjection, MeetingRow } from '../../persistence/store';
import type { Room } from './room';

/**
 * What happens to meetings and their rooms, for the features that follow them (the projection and
 * follow-through index, closure propagation) instead of wrapping the store or each other. Every
 * event's first argument is the meeting id.
 */
export interface RoomEventMap {
  /** A meeting was created with this first state (`doc` is valid only during the call). */
  created: [meetingId: string, doc: Y.Doc, row: MeetingRow];
  /** The room was loaded from the store. */
  loaded: [meetingId: string, room: Room];
  /** Updates became durable and were applied to the room's document and relayed. Keep it cheap: every edit. */
  durable: [meetingId: string, room: Room, updates: readonly Uint8Array[], seqs: readonly number[]];
  /** The meeting's list row (title, status, scheduled start) was written from the room's document. */
  listed: [meetingId: string, room: Room, row: MeetingProjection];
  /** The meeting's end became durable (every connection has been told it is read-only now). */
  ended: [meetingId: string, room: Room];
  /** The last connection left (or the server is stopping): the room persists and unloads next. */
  unloading: [meetingId: string, room: Room];
  unloaded: [meetingId: string];
  /** Storage failed: the room told its clients (saveFailed), closed their sockets and is dropped unsaved. */
  failed: [meetingId: string];
}

type Listener<K extends keyof RoomEventMap> = (...args: RoomEventMap[K]) => void | Promise<void>;

/**
 * A typed event bus whose listeners may be async: `emit` runs them all and resolves once they have
 * settled, so a caller that must see their effect (the list row projected before the request that
 * renamed a meeting returns) can wait for it. A listener's failure is logged, never thrown into the
 * room that emitted.
 */
export class RoomEvents {
  private readonly listeners = new Map<keyof RoomEventMap, Set<(...args: never[]) => void | Promise<void>>>();

  constructor(private readonly logger?: Logger) {}

  on<K extends keyof RoomEventMap>(event: K, listener: Listener<K>): this {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as unknown as (...args: never[]) => void);
    return this;
  }

  off<K extends keyof RoomEventMap>(event: K, listener: Listener<K>): this {
    this.listeners.get(event)?.delete(listener as unknown as (...args: never[]) => void);
    return this;
  }

  emit<K extends keyof RoomEventMap>(event: K, ...args: RoomEventMap[K]): Promise<void> {
    const set = this.listeners.get(event);
    if (!set || set.size === 0) return Promise.resolve();
    const settled: Promise<void>[] = [];
    for (const listener of [...set]) {
      try {
        const result = (listener as unknown as Listener<K>)(...args);
        if (result) settled.push(result.catch((error: unknown) => this.failed(event, args[0], error)));
      } catch (error) {
        this.failed(event, args[0], error);
      }
    }
    return settled.length === 0 ? Promise.resolve() : Promise.all(settled).then(() => undefined);
  }

  private failed(event: string, meetingId: string, error: unknown) {
    this.logger?.error('a room event listener failed', { event, meetingId, error });
  }
}
