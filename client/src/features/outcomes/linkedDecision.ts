import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/** The decision a link points at (`…/meetings/<id>#decision-<decisionId>`, as search links), or null. */
export function decisionIdFromHash(hash: string): string | null {
  const match = /^#decision-(.+)$/.exec(hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

/** The element id a decision is reached by, in the room and in the minutes. */
export const decisionAnchor = (decisionId: string) => `decision-${decisionId}`;

/** The decision this page's address points at; follows hash changes. */
export function useLinkedDecision(): string | null {
  return decisionIdFromHash(useLocation().hash);
}

/**
 * Calls `show(id)` once per linked decision, as soon as it is among `ids` (the room's decisions
 * arrive after the page renders): it lands on the decision a search result opened.
 */
export function useShowLinkedDecision(ids: readonly string[], show: (id: string) => void): string | null {
  const linked = useLinkedDecision();
  const shown = useRef<string | null>(null);
  const present = linked !== null && ids.includes(linked);
  useEffect(() => {
    if (!present || shown.current === linked) return;
    shown.current = linked;
    show(linked!);
  }, [present, linked, show]);
  return linked;
}
