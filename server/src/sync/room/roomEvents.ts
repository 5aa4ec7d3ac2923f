import { EventEmitter } from 'node:events';
import type { Room } from './room';

/**
 * What happens to rooms, for the features that follow meetings (the meetings list row, the
 * projection and follow-through index of ended meetings, closure propagation) instead of wrapping
 * the store or each other. Every event's first argument is the meeting id.
 */
export interface RoomEventMap {
  /** The room was loaded from the store. */
  loaded: [meetingId: string, room: Room];
  /** Updates became durable and were applied to the room's document and relayed. */
  durable: [meetingId: string, room: Room, updates: readonly Uint8Array[], seqs: readonly number[]];
  /** The meeting's end became durable (every connection has been told it is read-only now). */
  ended: [meetingId: string, room: Room];
  /** The last connection left (or the server is stopping): the room persists and unloads next. */
  unloading: [meetingId: string, room: Room];
  unloaded: [meetingId: string];
}

export class RoomEvents extends EventEmitter {
  override on<K extends keyof RoomEventMap>(event: K, listener: (...args: RoomEventMap[K]) => void): this {
    return super.on(event, listener as (...args: unknown[]) => void);
  }

  override off<K extends keyof RoomEventMap>(event: K, listener: (...args: RoomEventMap[K]) => void): this {
    return super.off(event, listener as (...args: unknown[]) => void);
  }

  override emit<K extends keyof RoomEventMap>(event: K, ...args: RoomEventMap[K]): boolean {
    return super.emit(event, ...args);
  }
}
