import { createStore, type ExternalStore } from './externalStore';
import type { Peer } from './presence';

/** Someone who was in the room while this page had it open: their sign-in name and the department they gave. */
export interface JoinedPerson {
  name: string;
  department: string;
}

/**
 * Everyone who has joined the room since this page connected, whether still here or gone (for
 * attendance taken from presence: who never joined is absent, who came and left attended). One
 * entry per name, keeping the department once someone gave one.
 */
export function trackJoinedPeople(peers: ExternalStore<readonly Peer[]>): ExternalStore<readonly JoinedPerson[]> & { stop(): void } {
  const store = createStore<readonly JoinedPerson[]>([]);
  const byName = new Map<string, JoinedPerson>();
  const take = () => {
    let changed = false;
    for (const peer of peers.get()) {
      const known = byName.get(peer.name);
      if (known && (known.department || !peer.department)) continue;
      byName.set(peer.name, { name: peer.name, department: peer.department });
      changed = true;
    }
    if (changed) store.set([...byName.values()]);
  };
  take();
  const stop = peers.subscribe(take);
  return { get: store.get, subscribe: store.subscribe, stop };
}
