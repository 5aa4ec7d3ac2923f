import type { ReactNode } from 'react';
import { useTouchOnly } from '../../ui/useTouchOnly';

/**
 * A key to press, shown next to the control it triggers (hidden from screen readers, which get
 * aria-keyshortcuts). Not shown on touch-only devices, which have no such key.
 */
export function Kbd({ children }: { children: ReactNode }) {
  const touchOnly = useTouchOnly();
  if (touchOnly) return null;
  return <kbd className="kbd" aria-hidden="true">{children}</kbd>;
}
