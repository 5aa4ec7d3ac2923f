import { useSyncExternalStore } from 'react';
import { serverClock } from '../serverClock';

/**
 * One ticker for the whole page, aligned to the server clock's second boundaries, so every
 * client's countdown flips at the same instant. Only displays subscribe; nothing shared ticks.
 */
const listeners = new Set<() => void>();
let snapshot = floorToSecond(serverClock.now());
let timer: ReturnType<typeof setTimeout> | null = null;
let stopOffset: (() => void) | null = null;

function floorToSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

function tick(): void {
  snapshot = floorToSecond(serverClock.now());
  for (const listener of [...listeners]) listener();
}

function schedule(): void {
  const now = serverClock.now();
  // A couple of ms past the boundary, so the floor lands on the new second.
  timer = setTimeout(() => {
    tick();
    schedule();
  }, 1000 - (now % 1000) + 2);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    snapshot = floorToSecond(serverClock.now());
    schedule();
    stopOffset = serverClock.offset.subscribe(() => {
      if (timer !== null) clearTimeout(timer);
      tick();
      schedule();
    });
    void serverClock.sync();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      stopOffset?.();
      stopOffset = null;
    }
  };
}

function getSnapshot(): number {
  if (listeners.size === 0) snapshot = floorToSecond(serverClock.now());
  return snapshot;
}

/** Now on the server's clock, whole seconds, re-rendering the caller once a second. */
export function useServerNow(): number {
  return useSyncExternalStore(subscribe, getSnapshot);
}
