import { createContext, useContext, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/** The header's status area, where a page (the meeting room) shows its connection state. */
export const HeaderSlotContext = createContext<HTMLElement | null>(null);

export function HeaderStatus({ children }: { children: ReactNode }) {
  const slot = useContext(HeaderSlotContext);
  return slot ? createPortal(children, slot) : null;
}
