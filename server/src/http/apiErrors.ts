import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ErrorCode, type ApiErrorBody, type ErrorCodeValue } from '@suishin/shared';

/** Sends the shared REST error body `{ error: { code, message, field? } }`. */
export function apiError(
  c: Context,
  status: ContentfulStatusCode,
  code: ErrorCodeValue,
  message: string,
  field?: string,
) {
  const body: ApiErrorBody = { error: field === undefined ? { code, message } : { code, message, field } };
  return c.json(body, status);
}

export const invalidInput = (c: Context, message: string, field?: string) =>
  apiError(c, 400, ErrorCode.invalidInput, message, field);
