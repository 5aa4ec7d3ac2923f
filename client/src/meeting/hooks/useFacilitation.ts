import { useMemo } from 'react';
import {
  extendTimer,
  goToAgendaItem,
  nextAgendaItem,
  pauseTimer,
  previousAgendaItem,
  resumeTimer,
  startMeeting,
} from '@suishin/shared';
import { useMeetingConnection } from '../MeetingScope';
import { serverClock } from '../serverClock';

export { useServerNow } from './useServerNow';

/**
 * The facilitator's commands. Each stamps the server's time (this browser's clock corrected by
 * the measured offset), so every client computes the same remaining time from the document.
 * They throw shared's ModelError when the meeting is not in a state that allows them.
 * Ending is not here: it goes through the closing checklist and POST /api/meetings/:id/end.
 */
export interface FacilitationCommands {
  start(): void;
  next(): boolean;
  previous(): boolean;
  goTo(agendaItemId: string): void;
  pause(): void;
  resume(): void;
  extend(minutes: number): void;
}

export function useFacilitation(): FacilitationCommands {
  const { doc } = useMeetingConnection();
  return useMemo(() => {
    const now = () => serverClock.now();
    return {
      start: () => startMeeting(doc, now()),
      next: () => nextAgendaItem(doc, now()),
      previous: () => previousAgendaItem(doc, now()),
      goTo: (id) => goToAgendaItem(doc, id, now()),
      pause: () => pauseTimer(doc, now()),
      resume: () => resumeTimer(doc, now()),
      extend: (minutes) => extendTimer(doc, minutes),
    };
  }, [doc]);
}
