import { useEffect, useRef, useState } from 'react';
import { useOutcomesStore } from './outcomesStore';

/**
 * A list row that another part of the room asked to show (a new countermeasure, a link followed):
 * when `revealAt` is set, scrolls the row into view, focuses its `focusSelector` element and
 * flashes it for a moment. Returns the row's ref and whether it is flashing now.
 */
export function useRevealedRow(revealAt: number | null, focusSelector: string) {
  const ref = useRef<HTMLLIElement>(null);
  const [flash, setFlash] = useState(false);
  useEffect(() => {
    if (revealAt === null) return;
    ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    ref.current?.querySelector<HTMLElement>(focusSelector)?.focus();
    setFlash(true);
    useOutcomesStore.getState().clearReveal(revealAt);
  }, [revealAt, focusSelector]);
  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(false), 1600);
    return () => clearTimeout(timer);
  }, [flash]);
  return { ref, flash };
}
