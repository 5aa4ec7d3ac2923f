import type { z } from 'zod';
import { ValidationError } from './modelError';

/** Validates `input` against `schema`, turning the first problem into a ValidationError. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw ValidationError.fromZod(result.error);
  return result.data;
}
