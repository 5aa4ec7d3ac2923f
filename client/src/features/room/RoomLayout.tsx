import type { ReactNode } from 'react';
import './roomPhone.css';

export interface RoomLayoutProps {
  header: ReactNode;
  agenda: ReactNode;
  /** The running meeting's timer and controls, above the selected item. */
  facilitation: ReactNode;
  main: ReactNode;
  /** Right column: attendees now; KPIs, decisions and action items (next issue) go in `outcomes`. */
  side: ReactNode;
  outcomes?: ReactNode;
  /** Accessible name of the right column. */
  sideLabel: string;
}

/**
 * The meeting room's grid. On a laptop: agenda on the left, the facilitation bar and the
 * selected item in the centre, and a right column that holds attendees and is reserved for the
 * meeting's outcomes (KPI snapshot, decisions, action items). On a tablet the right column moves
 * under the centre; on a narrow screen everything stacks. Column widths are fixed per breakpoint,
 * so edits by others never shift the layout.
 */
export function RoomLayout({ header, agenda, facilitation, main, side, outcomes, sideLabel }: RoomLayoutProps) {
  return (
    <div className={outcomes ? 'room room--outcomes' : 'room'}>
      <div className="room__header">{header}</div>
      <div className="room__agenda">{agenda}</div>
      <div className="room__main">
        {facilitation}
        {main}
      </div>
      <aside className="room__side" aria-label={sideLabel}>
        {side}
        {outcomes && <div className="room__outcomes" data-slot="outcomes">{outcomes}</div>}
      </aside>
    </div>
  );
}
