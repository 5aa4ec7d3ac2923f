import type { ActionItem } from '@suishin/shared';

/** Today's date on this device as an ISO date (YYYY-MM-DD), the form due dates are stored in. */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Still to do: open or in progress (done and dropped items need no date and are never late). */
export function isStillToDo(item: Pick<ActionItem, 'status'>): boolean {
  return item.status === 'open' || item.status === 'in_progress';
}

/** Due before today and still to do. ISO dates compare as strings. */
export function isOverdue(item: Pick<ActionItem, 'status' | 'dueDate'>, today: string): boolean {
  return isStillToDo(item) && item.dueDate !== null && item.dueDate < today;
}

/** Still to do and without a due date. */
export function isUndated(item: Pick<ActionItem, 'status' | 'dueDate'>): boolean {
  return isStillToDo(item) && item.dueDate === null;
}
