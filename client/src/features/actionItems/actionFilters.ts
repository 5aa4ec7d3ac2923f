import type { ActionItem, ActionItemStatus } from '@suishin/shared';
import { isOverdue, isUndated } from '../outcomes/dates';

/** '' matches everyone; NONE matches items whose owner (or department) is empty. */
export const ANY = '';
export const NONE = '\u0000none';

export type StatusFilter = typeof ANY | ActionItemStatus | 'todo' | 'overdue' | 'undated';

export interface ActionFilter {
  owner: string;
  department: string;
  status: StatusFilter;
}

export const NO_FILTER: ActionFilter = { owner: ANY, department: ANY, status: ANY };

function matchesText(value: string, wanted: string): boolean {
  if (wanted === ANY) return true;
  if (wanted === NONE) return value.trim() === '';
  return value === wanted;
}

function matchesStatus(item: ActionItem, status: StatusFilter, today: string): boolean {
  switch (status) {
    case ANY:
      return true;
    case 'todo':
      return item.status === 'open' || item.status === 'in_progress';
    case 'overdue':
      return isOverdue(item, today);
    case 'undated':
      return isUndated(item);
    default:
      return item.status === status;
  }
}

export function filterActionItems(items: readonly ActionItem[], filter: ActionFilter, today: string): readonly ActionItem[] {
  if (filter.owner === ANY && filter.department === ANY && filter.status === ANY) return items;
  return items.filter(
    (item) =>
      matchesText(item.owner.name, filter.owner) &&
      matchesText(item.owner.department, filter.department) &&
      matchesStatus(item, filter.status, today),
  );
}

const collators = new Map<string, Intl.Collator>();
/** Making a Collator costs more than sorting 20 names with it: one per locale. */
function collatorFor(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) collators.set(locale, (collator = new Intl.Collator(locale)));
  return collator;
}

export interface ActionFacets {
  owners: string[];
  departments: string[];
  /** Some item has no owner / no department (offer a "none" choice). */
  ownerless: boolean;
  departmentless: boolean;
  overdue: number;
  undated: number;
}

/** The choices the filters offer, from the items themselves, sorted for the UI's language. */
export function actionFacets(items: readonly ActionItem[], today: string, locale: string): ActionFacets {
  const owners = new Set<string>();
  const departments = new Set<string>();
  let ownerless = false;
  let departmentless = false;
  let overdue = 0;
  let undated = 0;
  for (const item of items) {
    if (item.owner.name.trim() === '') ownerless = true;
    else owners.add(item.owner.name);
    if (item.owner.department.trim() === '') departmentless = true;
    else departments.add(item.owner.department);
    if (isOverdue(item, today)) overdue += 1;
    if (isUndated(item)) undated += 1;
  }
  const collator = collatorFor(locale);
  return {
    owners: [...owners].sort(collator.compare),
    departments: [...departments].sort(collator.compare),
    ownerless,
    departmentless,
    overdue,
    undated,
  };
}
