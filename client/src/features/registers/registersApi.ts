import type { ActionItemPage, ActionItemQuery, DecisionPage, DecisionQuery, QueryParams } from '@suishin/shared/protocol';
import { queryOf } from '../../api/query';
import { request } from '../../api/request';

/** One page of the decision register (`GET /api/decisions`). */
export function fetchDecisions(filters: QueryParams<Omit<DecisionQuery, 'cursor' | 'limit'>>, cursor: string | null): Promise<DecisionPage> {
  return request(`/api/decisions${queryOf({ ...filters, cursor })}`);
}

/** One page of the action-item register (`GET /api/action-items`). */
export function fetchActionItems(filters: QueryParams<Omit<ActionItemQuery, 'cursor' | 'limit'>>, cursor: string | null): Promise<ActionItemPage> {
  return request(`/api/action-items${queryOf({ ...filters, cursor })}`);
}
