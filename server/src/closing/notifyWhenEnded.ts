import type { MeetingProjection, MeetingStore } from '../persistence/store';

/**
 * The store as rooms see it, telling `onEnded` once a meeting's list row has been written with
 * status `ended`: rooms write that row whenever a document's status changes, whoever changed it,
 * so the relational projection follows every way a meeting can end.
 */
export function notifyWhenEnded(store: MeetingStore, onEnded: (meetingId: string) => void): MeetingStore {
  const updateProjection = async (id: string, projection: MeetingProjection) => {
    await store.updateProjection(id, projection);
    if (projection.status === 'ended') onEnded(id);
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'updateProjection') return updateProjection;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
