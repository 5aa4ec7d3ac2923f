import { describe, expect, it } from 'vitest';
import type { ActionItem } from '@suishin/shared';
import { actionFacets, filterActionItems, NO_FILTER, NONE } from './actionFilters';
import { isOverdue, isUndated, todayIso } from '../outcomes/dates';

let n = 0;
const item = (title: string, owner: string, department: string, status: ActionItem['status'], dueDate: string | null): ActionItem => ({
  id: `a${++n}`,
  title,
  owner: { name: owner, department },
  status,
  dueDate,
  link: null,
  externalRefs: [],
  createdAt: 0,
  order: String(n),
});

const today = '2026-03-10';
const items = [
  item('late', 'Sato', '営業', 'open', '2026-03-09'),
  item('due today', 'Sato', '営業', 'in_progress', '2026-03-10'),
  item('late but done', 'Kim', 'Product', 'done', '2026-03-01'),
  item('undated', 'Kim', 'Product', 'open', null),
  item('dropped undated', '', '', 'dropped', null),
  item('nobody', '', '', 'open', '2026-04-01'),
];
const titles = (list: readonly ActionItem[]) => list.map((a) => a.title);

describe('overdue and undated', () => {
  it('late means due before today and still to do; undated means still to do without a date', () => {
    expect(items.filter((a) => isOverdue(a, today)).map((a) => a.title)).toEqual(['late']);
    expect(items.filter(isUndated).map((a) => a.title)).toEqual(['undated']);
  });

  it('today is the calendar date in the workspace\'s zone, not the device\'s', () => {
    expect(todayIso(new Date('2026-01-05T15:30:00Z'), 'Asia/Tokyo')).toBe('2026-01-06');
    expect(todayIso(new Date('2026-01-05T15:30:00Z'), 'America/New_York')).toBe('2026-01-05');
    expect(todayIso(new Date('2026-01-05T15:30:00Z'))).toBe('2026-01-06'); // Asia/Tokyo without a workspace setting
  });
});

describe('filterActionItems', () => {
  it('returns the same array when nothing is filtered', () => {
    expect(filterActionItems(items, NO_FILTER, today)).toBe(items);
  });

  it('filters by owner, department and status together', () => {
    expect(titles(filterActionItems(items, { ...NO_FILTER, owner: 'Sato' }, today))).toEqual(['late', 'due today']);
    expect(titles(filterActionItems(items, { ...NO_FILTER, owner: NONE }, today))).toEqual(['dropped undated', 'nobody']);
    expect(titles(filterActionItems(items, { ...NO_FILTER, department: 'Product' }, today))).toEqual(['late but done', 'undated']);
    expect(titles(filterActionItems(items, { ...NO_FILTER, department: 'Product', status: 'open' }, today))).toEqual(['undated']);
    expect(titles(filterActionItems(items, { ...NO_FILTER, status: 'todo' }, today))).toEqual(['late', 'due today', 'undated', 'nobody']);
    expect(titles(filterActionItems(items, { ...NO_FILTER, status: 'overdue' }, today))).toEqual(['late']);
    expect(titles(filterActionItems(items, { ...NO_FILTER, status: 'undated' }, today))).toEqual(['undated']);
  });
});

describe('actionFacets', () => {
  it('lists owners and departments, and counts overdue and undated items', () => {
    expect(actionFacets(items, today, 'en-US')).toEqual({
      owners: ['Kim', 'Sato'],
      departments: ['Product', '営業'],
      ownerless: true,
      departmentless: true,
      overdue: 1,
      undated: 1,
    });
  });
});
