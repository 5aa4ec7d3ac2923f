import type * as Y from 'yjs';
import type { MeetingSection } from '@suishin/shared';
import type { ExternalStore } from './externalStore';

/**
 * Memoized reads of one meeting's document for `useSyncExternalStore`, keyed by name: a view's
 * `read` runs again only after one of its sections changed, so its snapshot keeps its identity
 * between unrelated changes. The connection feeds it the sections each change touched.
 */
export class SectionViews {
  private readonly listeners = new Set<(sections: ReadonlySet<MeetingSection>) => void>();
  private readonly views = new Map<string, ExternalStore<unknown>>();

  constructor(private readonly doc: Y.Doc) {}

  /** Called with the sections a document change touched. */
  changed(sections: ReadonlySet<MeetingSection>): void {
    for (const listener of [...this.listeners]) listener(sections);
  }

  view<T>(key: string, sections: readonly MeetingSection[], read: (doc: Y.Doc) => T): ExternalStore<T> {
    const existing = this.views.get(key);
    if (existing) return existing as ExternalStore<T>;
    let stale = true;
    let snapshot: T;
    const listeners = new Set<() => void>();
    const onSections = (changed: ReadonlySet<MeetingSection>) => {
      if (!sections.some((s) => changed.has(s))) return;
      stale = true;
      for (const listener of [...listeners]) listener();
    };
    const store: ExternalStore<T> = {
      get: () => {
        if (stale) {
          snapshot = read(this.doc);
          stale = false;
        }
        return snapshot;
      },
      subscribe: (listener) => {
        listeners.add(listener);
        if (listeners.size === 1) this.listeners.add(onSections);
        return () => {
          listeners.delete(listener);
          if (listeners.size === 0) {
            this.listeners.delete(onSections);
            stale = true; // changes are not tracked while nobody listens
          }
        };
      },
    };
    this.views.set(key, store as ExternalStore<unknown>);
    return store;
  }
}
