import type { ReactNode } from 'react';

/** A key to press, shown next to the control it triggers (hidden from screen readers, which get aria-keyshortcuts). */
export function Kbd({ children }: { children: ReactNode }) {
  return <kbd className="kbd" aria-hidden="true">{children}</kbd>;
}
