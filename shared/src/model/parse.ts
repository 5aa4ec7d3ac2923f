import type { $ZodType, output } from 'zod/v4/core';
import { safeParse } from 'zod/v4/core';
import { ValidationError } from './modelError';

/** Validates `input` against `schema`, turning the first problem into a ValidationError. */
export function parseInput<S extends $ZodType>(schema: S, input: unknown): output<S> {
  const result = safeParse(schema, input);
  if (!result.success) throw ValidationError.fromZod(result.error);
  return result.data;
}
