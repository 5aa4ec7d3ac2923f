/** A JSON request body checked against its zod schema: the value, or the 400 to send (shared error body, the field named). */
import type { Context } from 'hono';
import { ValidationError } from '@suishin/shared';
import { safeParse, type $ZodType, type output } from 'zod/v4/core';
import { invalidInput } from './apiErrors';

/** `allowEmpty`: an empty body reads as `{}`. */
export async function parseBody<S extends $ZodType>(c: Context, schema: S, allowEmpty = false): Promise<{ ok: true; value: output<S> } | { ok: false; res: Response }> {
  let body: unknown = {};
  const text = await c.req.text();
  if (text.trim() || !allowEmpty) {
    try {
      body = JSON.parse(text);
    } catch {
      return { ok: false, res: invalidInput(c, 'request body must be JSON') };
    }
  }
  const parsed = safeParse(schema, body);
  if (!parsed.success) {
    const error = ValidationError.fromZod(parsed.error);
    return { ok: false, res: invalidInput(c, error.message, error.field) };
  }
  return { ok: true, value: parsed.data };
}

