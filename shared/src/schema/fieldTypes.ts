import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { MAX_ID_LENGTH } from '../protocol/limits';

/**
 * The kinds of value a record field holds, each named once with its two forms:
 * - `stored`: what the field may hold once it is in a meeting's document. The server checks every
 *   record a client's update changes against it (model/documentShape.ts) and the readers read
 *   through it; it never transforms (stored values are checked as they are).
 * - `write`: what a model write accepts for it, with the same limits, after trimming one-line
 *   text. A rejected write changes nothing.
 *
 * zod/mini, zod's tree-shakable API (same package, same checks and messages): the model is on
 * every page that opens a meeting, and the classic API cost the room about 15 KB gzip of code
 * to download and run before it could show. Messages are zod's English ones (`en`).
 */
z.config(en());

/** Longest one-line text (a title, a name, a place). */
export const MAX_SHORT = 500;
/** Longest multi-line text (a decision, its rationale, a comment). */
export const MAX_LONG = 10_000;

export interface FieldType<S extends z.ZodMiniType = z.ZodMiniType, W extends z.ZodMiniType = z.ZodMiniType> {
  stored: S;
  write: W;
}

/** A kind whose writes are checked exactly as it is stored. */
export function same<S extends z.ZodMiniType>(schema: S): FieldType<S, S> {
  return { stored: schema, write: schema };
}

const EMPTY = 'must not be empty';

/** One-line text, trimmed when written. */
export const shortText = {
  stored: z.string().check(z.maxLength(MAX_SHORT)),
  write: z.string().check(z.trim(), z.maxLength(MAX_SHORT)),
};
/** A title or name: one line, not empty once trimmed. */
export const title = {
  stored: z.string().check(z.minLength(1), z.maxLength(MAX_SHORT)),
  write: z.string().check(z.trim(), z.minLength(1, EMPTY), z.maxLength(MAX_SHORT)),
};
/** Multi-line text, kept as typed. */
export const longText = same(z.string().check(z.maxLength(MAX_LONG)));
/** Multi-line text that must say something (a decision). */
export const longTitle = {
  stored: z.string().check(z.minLength(1), z.maxLength(MAX_LONG)),
  write: z.string().check(z.trim(), z.minLength(1, EMPTY), z.maxLength(MAX_LONG)),
};

export const idSchema = z.string().check(z.minLength(1), z.maxLength(MAX_ID_LENGTH));
export const id = same(idSchema);
export const nullableId = same(z.nullable(idSchema));
export const epochMs = same(z.number().check(z.gte(0)));
export const nullableEpochMs = same(z.nullable(epochMs.stored));
export const isoDateSchema = z.iso.date();
export const nullableIsoDate = same(z.nullable(isoDateSchema));
/** A bare day, or a date-time with its offset (a time not fixed yet, or fixed). */
export const dayOrDateTime = z.union([isoDateSchema, z.iso.datetime({ offset: true })]);
export const nullableNumber = same(z.nullable(z.number())); // zod 4 numbers are finite
export const boolean = same(z.boolean());
export const wholeNumber = (min: number, max?: number) =>
  same(max === undefined ? z.int().check(z.gte(min)) : z.int().check(z.gte(min), z.lte(max)));
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => same(z.enum(values));
/** Fractional-index order keys grow by about a character per insertion at the same spot. */
export const orderKey = same(z.string().check(z.minLength(1), z.maxLength(1000)));
