import type { ReactNode } from 'react';

/**
 * The meeting room's grid: agenda on the left, the selected item in the centre, and a side
 * column for KPIs, decisions and action items (issue 4). The side column only takes space when
 * something is put in it.
 */
export function RoomLayout({ header, agenda, main, side }: { header: ReactNode; agenda: ReactNode; main: ReactNode; side?: ReactNode }) {
  return (
    <div className={['room', side ? 'room--with-side' : null].filter(Boolean).join(' ')}>
      <div className="room__header">{header}</div>
      <div className="room__agenda">{agenda}</div>
      <div className="room__main">{main}</div>
      {side && <aside className="room__side">{side}</aside>}
    </div>
  );
}
