import type { ActionItem } from '@suishin/shared';
import { dayIn } from '@suishin/shared/time';
import { workspaceTimeZone } from '../../i18n/timeZone';

/** Today in the workspace's zone as an ISO date (YYYY-MM-DD), the form due dates are stored in. */
export function todayIso(now: Date = new Date(), timeZone: string = workspaceTimeZone()): string {
  return dayIn(now.getTime(), timeZone);
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
