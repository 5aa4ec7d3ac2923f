import * as z from 'zod/mini';
import type { $strict } from 'zod/v4/core';
import type { FieldType } from './fieldTypes';

/**
 * One record kind declared once: each field names its kind (fieldTypes.ts), what it reads as when
 * the stored value is missing or bad, and how writes treat it. From that declaration come the
 * record's zod object and type, the input schema for creating one, the patch schema for editing
 * one, the tolerant reader, and the stored shape the server checks clients' updates against.
 *
 * `create`: 'required' (the input must give it), 'default' (the input may, else `initial`),
 * 'optional' (written only when given: absent reads as the fallback), 'none' (the model writes it:
 * a timestamp, a position, state the facilitation controls change).
 * `patch`: whether an edit may change it. `mayBeAbsent`: a stored record need not have it (records
 * written before the field existed lack it; it reads as the fallback); true for 'optional' fields.
 * Every other field must be on a new record.
 */
export type Creation = 'required' | 'default' | 'optional' | 'none';

export interface Field<T extends FieldType = FieldType, C extends Creation = Creation, P extends boolean = boolean> {
  type: T;
  fallback: z.output<T['stored']>;
  create: C;
  patch: P;
  /** What a new record gets when the input leaves it out ('default' only). */
  initial?: z.output<T['write']>;
  mayBeAbsent: boolean;
}

type Options<T extends FieldType, C extends Creation, P extends boolean> = {
  create?: C;
  patch?: P;
  initial?: z.output<T['write']>;
  mayBeAbsent?: boolean;
};

/** A field: by default created from the input (or `fallback`) and editable. */
export function field<T extends FieldType, C extends Creation = 'default', P extends boolean = true>(
  type: T,
  fallback: z.output<T['stored']>,
  options: Options<T, C, P> = {},
): Field<T, NoInfer<C>, NoInfer<P>> {
  const create = options.create ?? ('default' as C);
  return {
    type,
    fallback,
    create,
    mayBeAbsent: options.mayBeAbsent ?? create === 'optional',
    patch: options.patch ?? (true as P),
    initial: options.initial ?? (fallback as unknown as z.output<T['write']>),
  };
}

export type Fields = Record<string, Field>;

type Write<F extends Field> = F['type']['write'];
type StoredShape<F extends Fields> = { [K in keyof F]: F[K]['type']['stored'] };
type InputShape<F extends Fields> = {
  [K in keyof F as F[K]['create'] extends 'none' ? never : K]: F[K]['create'] extends 'required'
    ? Write<F[K]>
    : F[K]['create'] extends 'optional'
      ? z.ZodMiniOptional<Write<F[K]>>
      : z.ZodMiniDefault<Write<F[K]>>;
};
type PatchShape<F extends Fields> = { [K in keyof F as F[K]['patch'] extends true ? K : never]: z.ZodMiniOptional<Write<F[K]>> };

/** The plain record a reader returns: every declared field, read or fallen back. */
export type RecordValue<F extends Fields> = { [K in keyof F]: z.output<F[K]['type']['stored']> };

/** What the server checks a stored record against (model/documentShape.ts). */
export interface StoredRecordShape {
  /** Field name → what it may hold. Fields not listed are refused. */
  fields: Record<string, z.ZodMiniType>;
  /** Fields every newly created record must have. */
  required: readonly string[];
}

/** Anything a record is read from: a record's Y.Map, or a plain object. */
export interface FieldSource {
  get(key: string): unknown;
}

export interface RecordSchema<F extends Fields> {
  fields: F;
  /** The record as stored: every field, strict. Its output type is the record's type. */
  object: z.ZodMiniObject<StoredShape<F>, $strict>;
  /** Creating one: required fields, defaults filled in. */
  input: z.ZodMiniObject<InputShape<F>, $strict>;
  /** Editing one: any editable field, nothing reset. */
  patch: z.ZodMiniObject<PatchShape<F>, $strict>;
  /** The stored layout, plus `extraStored` fields other modules write (not read here). */
  stored: StoredRecordShape;
  /** A value stored whole (not a map of fields), strict: only `mayBeAbsent` fields may be missing. */
  storedValue: z.ZodMiniObject;
  /** Reads every field tolerantly: a missing or bad stored value reads as its fallback. */
  read(source: FieldSource): RecordValue<F>;
}

export function defineRecord<F extends Fields>(fields: F, extraStored: Record<string, z.ZodMiniType> = {}): RecordSchema<F> {
  const entries = Object.entries(fields);
  const storedFields = Object.fromEntries(entries.map(([key, f]) => [key, f.type.stored]));
  const input = Object.fromEntries(
    entries
      .filter(([, f]) => f.create !== 'none')
      .map(([key, f]) => [
        key,
        f.create === 'required' ? f.type.write : f.create === 'optional' ? z.optional(f.type.write) : z._default(f.type.write, f.initial as never),
      ]),
  );
  const patch = Object.fromEntries(entries.filter(([, f]) => f.patch).map(([key, f]) => [key, z.optional(f.type.write)]));
  const required = entries.filter(([, f]) => !f.mayBeAbsent).map(([key]) => key);
  const readers = entries.map(([key, f]) => [key, memoRead(f)] as const);
  return {
    fields,
    object: z.strictObject(storedFields) as unknown as RecordSchema<F>['object'],
    input: z.strictObject(input) as unknown as RecordSchema<F>['input'],
    patch: z.strictObject(patch) as unknown as RecordSchema<F>['patch'],
    stored: { fields: { ...storedFields, ...extraStored }, required },
    storedValue: z.strictObject(
      Object.fromEntries(entries.map(([key, f]) => [key, f.mayBeAbsent ? z.optional(f.type.stored) : f.type.stored])),
    ),
    read(source) {
      const out: Record<string, unknown> = {};
      for (const [key, check] of readers) {
        const value = source.get(key);
        out[key] = check(value);
      }
      return out as RecordValue<F>;
    },
  };
}

const NOT_READ = Symbol('not read');
/** Distinct primitive values remembered per field before the memo starts over. */
const MEMO_LIMIT = 4096;
const MEMO_MAX_STRING = 256;

/**
 * A field's reader: the stored value checked by the field's stored schema, else the fallback.
 * Lists re-read every record on each change, and checking through zod costs several times a
 * typeof test, so results are remembered by value: stored objects are immutable (Yjs stores them
 * whole and returns the same object until the field is set again), primitives are compared by value.
 */
function memoRead(f: Field): (value: unknown) => unknown {
  const objects = new WeakMap<object, unknown>();
  let primitives = new Map<unknown, unknown>();
  const parse = (value: unknown) => {
    const result = f.type.stored.safeParse(value);
    return result.success ? result.data : NOT_READ;
  };
  return (value) => {
    let read: unknown;
    if (typeof value === 'object' && value !== null) {
      read = objects.get(value);
      if (read === undefined) objects.set(value, (read = parse(value)));
    } else if (typeof value === 'string' && value.length > MEMO_MAX_STRING) {
      read = parse(value); // long text: a length check, cheap, and not worth holding on to
    } else {
      read = primitives.get(value);
      if (read === undefined && !primitives.has(value)) {
        if (primitives.size >= MEMO_LIMIT) primitives = new Map();
        primitives.set(value, (read = parse(value)));
      }
    }
    return read === NOT_READ ? fresh(f.fallback) : read;
  };
}

/** Fallbacks that are objects are copied, so no reader's caller shares one. */
function fresh<T>(value: T): T {
  return typeof value === 'object' && value !== null ? (JSON.parse(JSON.stringify(value)) as T) : value;
}
