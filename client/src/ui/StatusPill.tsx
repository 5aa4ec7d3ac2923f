import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** A small coloured label with a dot; `live` announces changes politely to screen readers. */
export function StatusPill({ tone, children, live, title }: { tone: Tone; children: ReactNode; live?: boolean; title?: string }) {
  return (
    <span className={`pill pill--${tone}`} role={live ? 'status' : undefined} title={title}>
      <span className="pill__dot" aria-hidden="true" />
      {children}
    </span>
  );
}
