import type { ActionItemEntry, ActionItemPage, DecisionEntry, DecisionPage } from '@suishin/shared/protocol';
import { apiRequest as request } from '../series/apiRequest';
import { queryOf } from '../archive/archiveApi';

export type { ActionItemEntry, DecisionEntry };

/** One page of the decision register (`GET /api/decisions`). */
export function fetchDecisions(filters: Record<string, string>, cursor: string | null): Promise<DecisionPage> {
  return request(`/api/decisions${queryOf({ ...filters, cursor })}`);
}

/** One page of the action-item register (`GET /api/action-items`). */
export function fetchActionItems(filters: Record<string, string>, cursor: string | null): Promise<ActionItemPage> {
  return request(`/api/action-items${queryOf({ ...filters, cursor })}`);
}
