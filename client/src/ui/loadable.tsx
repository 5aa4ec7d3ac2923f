import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import { createStore } from '../meeting/externalStore';

export type LoadState<M> =
  | { status: 'loading' }
  | { status: 'loaded'; module: M }
  | { status: 'failed'; error: unknown; retry(): void };

export interface Loadable<M> {
  /** Starts loading (once); safe to call early, e.g. before React starts. */
  preload(): void;
  /** Starts loading; settles once `get()` says `loaded` (or `failed`: rejects). */
  whenLoaded(): Promise<M>;
  /** The state now, without starting anything (`idle`: nobody asked yet). */
  get(): LoadState<M> | { status: 'idle' };
  /** The module's state; starts loading on first use. */
  useModule(): LoadState<M>;
}

/**
 * Code loaded on demand, as with React.lazy, but rendered in one pass once it is here.
 *
 * Why not React.lazy: a lazy component suspends on its first render even when its code has
 * already arrived, and React renders it later in a retry pass that yields to the browser. In the
 * meeting room the document's stores (presence, connection) change during that pass, so React
 * starts it over: the 100-row agenda was rendered twice on every cold load. Here the code's
 * arrival is a store update, which React renders synchronously, once.
 *
 * A chunk that fails to load (the network dropped, a deploy replaced it) is `failed` with a
 * `retry`, instead of an error that would blank the page.
 */
export function loadable<M>(load: () => Promise<M>): Loadable<M> {
  const store = createStore<LoadState<M> | { status: 'idle' }>({ status: 'idle' });
  let loading: Promise<M> | null = null;
  const start = () => {
    const state = store.get();
    if (state.status === 'loading' || state.status === 'loaded') return;
    store.set({ status: 'loading' });
    loading = load().then(
      (module) => {
        store.set({ status: 'loaded', module });
        return module;
      },
      (error: unknown) => {
        store.set({ status: 'failed', error, retry: start });
        throw error;
      },
    );
    loading.catch(() => undefined); // the store reports it; a caller of whenLoaded() sees it too
  };
  return {
    preload: start,
    whenLoaded() {
      start();
      return loading!;
    },
    get: store.get,
    useModule() {
      const state = useSyncExternalStore(store.subscribe, store.get);
      // `start` in the deps: one component may be handed another loadable in its place (a route
      // change that renders the same <Loaded> for another page), which must start loading too.
      useEffect(() => {
        if (store.get().status === 'idle') start();
      }, [start]); // eslint-disable-line react-hooks/exhaustive-deps
      return state.status === 'idle' ? { status: 'loading' } : state;
    },
  };
}

/** What a page shows when its code could not be loaded. */
export function LoadFailed({ retry }: { retry(): void }) {
  const { t } = useTranslation();
  return (
    <div className="page page--narrow empty-state" role="alert">
      <p>{t('app.loadFailed')}</p>
      <button type="button" className="btn btn--secondary btn--sm" onClick={retry}>{t('meetings.retry')}</button>
    </div>
  );
}

/** `children(module)` once `from` has loaded; `fallback` meanwhile; LoadFailed if it cannot load. */
export function Loaded<M>({ from, fallback, children }: { from: Loadable<M>; fallback: ReactNode; children(module: M): ReactNode }) {
  const state = from.useModule();
  if (state.status === 'failed') return <LoadFailed retry={state.retry} />;
  if (state.status === 'loading') return <>{fallback}</>;
  return <>{children(state.module)}</>;
}
