/** Wraps a MeetingStore to observe calls and inject delays or faults in tests. */
import { EventEmitter } from 'node:events';
import type { MeetingStore } from '../persistence/store';

export interface StoreHooks {
  /** Runs before loadMeeting reaches the store; throw to make the load fail. */
  beforeLoad?(id: string): Promise<void> | void;
  beforeCompact?(id: string): Promise<void> | void;
  beforeAppend?(id: string): Promise<void> | void;
}

export type InstrumentedStore = MeetingStore & {
  /** Emits 'load' | 'append' | 'appended' | 'compact' | 'compacted' with the meeting id. */
  events: EventEmitter;
  calls: { load: number; append: number; compact: number };
};

export function instrumentStore(inner: MeetingStore, hooks: StoreHooks = {}): InstrumentedStore {
  const events = new EventEmitter();
  const calls = { load: 0, append: 0, compact: 0 };
  return {
    events,
    calls,
    createMeeting: (...a) => inner.createMeeting(...a),
    meetingExists: (id) => inner.meetingExists(id),
    getMeetingRow: (id) => inner.getMeetingRow(id),
    listMeetings: () => inner.listMeetings(),
    listMeetingsPage: (limit, after) => inner.listMeetingsPage(limit, after),
    trashMeeting: (id, at, by) => inner.trashMeeting(id, at, by),
    untrashMeeting: (id) => inner.untrashMeeting(id),
    listTrash: () => inner.listTrash(),
    purgeMeeting: (id) => inner.purgeMeeting(id),
    async loadMeeting(id) {
      calls.load++;
      events.emit('load', id);
      await hooks.beforeLoad?.(id);
      return inner.loadMeeting(id);
    },
    appendUpdate(id, update, claims) {
      calls.append++;
      events.emit('append', id);
      let run: Promise<number>;
      if (hooks.beforeAppend) {
        const hook = hooks.beforeAppend;
        run = (async () => {
          await hook(id);
          return inner.appendUpdate(id, update, claims);
        })();
      } else {
        run = inner.appendUpdate(id, update, claims);
      }
      return run.then((seq) => {
        events.emit('appended', id, seq);
        return seq;
      });
    },
    async compact(id, snapshot, folded) {
      calls.compact++;
      events.emit('compact', id);
      await hooks.beforeCompact?.(id);
      const upto = await inner.compact(id, snapshot, folded);
      events.emit('compacted', id);
      return upto;
    },
    updateProjection: (id, p) => inner.updateProjection(id, p),
    getAccessKeyVersion: (id) => inner.getAccessKeyVersion(id),
    rotateAccessKey: (id) => inner.rotateAccessKey(id),
    revokeSession: (id, expiresAt) => inner.revokeSession(id, expiresAt),
    listRevokedSessions: () => inner.listRevokedSessions(),
    flush: () => inner.flush(),
    close: () => inner.close(),
  };
}

/** A promise with its resolver, to hold a hook until the test releases it. */
export function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Resolves on the next `event` whose first argument equals `id`. */
export function nextEvent(events: EventSource, event: string, id: string): Promise<unknown[]> {
  return new Promise((resolve) => {
    const listener = (first: string, ...rest: unknown[]) => {
      if (first !== id) return;
      events.off(event, listener);
      resolve([first, ...rest]);
    };
    events.on(event, listener);
  });
}

/** An EventEmitter, or the rooms' typed events (RoomEvents). */
interface EventSource {
  on(event: string, listener: (first: string, ...rest: unknown[]) => void): unknown;
  off(event: string, listener: (first: string, ...rest: unknown[]) => void): unknown;
}
