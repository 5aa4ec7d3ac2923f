import * as Y from 'yjs';
import type * as z from 'zod/v4/core';
import type { RootKeyName } from '../schema/keys';
import type { Fields, RecordSchema, RecordValue } from '../schema/recordSchema';
import type { Position } from '../schema/validators';
import { newId } from './ids';
import { NotFoundError, ValidationError } from './modelError';
import { compareOrdered, placeAt, type Ordered, type Placement } from './orderKey';
import { parseInput } from './parse';
import type { FieldMap } from './fieldReaders';

/**
 * One ordered kind of record (agenda items, decisions, …) stored as
 * `Y.Map<id, Y.Map<field, value>>` under a root key. Each kind module gives its declaration
 * (schema/meetingRecords.ts) and what only the model writes; this gives it list / get / add /
 * update / remove / move, validated (by the declaration's input and patch schemas) before any
 * write, and read through the declaration (a bad stored field reads as its fallback).
 */
export interface CollectionSpec<F extends Fields> {
  /** Human name used in error messages, e.g. "agenda item". */
  kind: string;
  rootKey: RootKeyName;
  schema: RecordSchema<F>;
  /** Values of the fields the model writes on a new record (besides `order`), e.g. `createdAt`. */
  stamp?(now: number): Record<string, unknown>;
  /** Nested shared types a new record owns (e.g. the notes fragment). */
  attachTypes?(record: FieldMap): void;
  /** Checks that need the document (e.g. links to other records); throw ValidationError. */
  checkReferences?(doc: Y.Doc, values: Record<string, unknown>, id: string | null): void;
}

type Read<F extends Fields> = { id: string } & RecordValue<F>;
type InSchema<F extends Fields> = RecordSchema<F>['input'];
type PatchSchema<F extends Fields> = RecordSchema<F>['patch'];

export interface AddOptions extends Position {
  /** Epoch ms stamped on records that record a creation time; defaults to Date.now(). */
  now?: number;
  /** Use this id instead of a random one (imports, tests). */
  id?: string;
}

export interface Collection<F extends Fields> {
  root(doc: Y.Doc): Y.Map<FieldMap>;
  list(doc: Y.Doc): Read<F>[];
  get(doc: Y.Doc, id: string): Read<F> | null;
  record(doc: Y.Doc, id: string): FieldMap | null;
  add(doc: Y.Doc, input: z.input<InSchema<F>>, options?: AddOptions): string;
  update(doc: Y.Doc, id: string, patch: z.input<PatchSchema<F>>): void;
  remove(doc: Y.Doc, id: string): void;
  move(doc: Y.Doc, id: string, toIndex: number): void;
}

export function defineCollection<F extends Fields & { order: unknown }>(spec: CollectionSpec<F>): Collection<F> {
  type R = Read<F> & Ordered;
  const root = (doc: Y.Doc) => doc.getMap<FieldMap>(spec.rootKey);
  const read = (id: string, map: FieldMap): R => ({ id, ...spec.schema.read(map) }) as R;

  const list = (doc: Y.Doc): R[] => {
    const records: R[] = [];
    root(doc).forEach((record, id) => {
      if (record instanceof Y.Map) records.push(read(id, record));
    });
    return records.sort(compareOrdered);
  };

  const record = (doc: Y.Doc, id: string): FieldMap | null => {
    const value = root(doc).get(id);
    return value instanceof Y.Map ? value : null;
  };

  const requireRecord = (doc: Y.Doc, id: string): FieldMap => {
    const found = record(doc, id);
    if (!found) throw new NotFoundError(spec.kind, id);
    return found;
  };

  const applyRekeys = (doc: Y.Doc, placement: Placement) => {
    for (const { id, order } of placement.rekeyed) record(doc, id)?.set('order', order);
  };

  return {
    root,
    list,
    record,
    get(doc, id) {
      const found = record(doc, id);
      return found ? read(id, found) : null;
    },
    add(doc, input, options = {}) {
      const values = parseInput(spec.schema.input, input) as Record<string, unknown>;
      const id = options.id ?? newId();
      if (root(doc).has(id)) throw new ValidationError(`${spec.kind} ${id} already exists`, 'id');
      const given = Object.entries(values).filter(([, value]) => value !== undefined);
      const fields = { ...Object.fromEntries(given), ...spec.stamp?.(options.now ?? Date.now()) };
      spec.checkReferences?.(doc, fields, null);
      const sorted = list(doc);
      const placement = placeAt(sorted, options.index ?? sorted.length);
      doc.transact(() => {
        const map: FieldMap = new Y.Map();
        for (const [key, value] of Object.entries(fields)) map.set(key, value);
        map.set('order', placement.order);
        spec.attachTypes?.(map);
        root(doc).set(id, map);
        applyRekeys(doc, placement);
      });
      return id;
    },
    update(doc, id, patch) {
      const values = parseInput(spec.schema.patch, patch) as Record<string, unknown>;
      const map = requireRecord(doc, id);
      const changes = Object.entries(values).filter(([, value]) => value !== undefined);
      spec.checkReferences?.(doc, Object.fromEntries(changes), id);
      if (changes.length === 0) return;
      doc.transact(() => {
        for (const [key, value] of changes) {
          // Writing an unchanged value would still create an update and bump the clock.
          if (!sameValue(map.get(key), value)) map.set(key, value);
        }
      });
    },
    remove(doc, id) {
      requireRecord(doc, id);
      doc.transact(() => root(doc).delete(id));
    },
    move(doc, id, toIndex) {
      if (!Number.isInteger(toIndex) || toIndex < 0) {
        throw new ValidationError('toIndex: must be a non-negative integer', 'toIndex');
      }
      const map = requireRecord(doc, id);
      const others = list(doc).filter((r) => r.id !== id);
      const placement = placeAt(others, toIndex);
      doc.transact(() => {
        map.set('order', placement.order);
        applyRekeys(doc, placement);
      });
    },
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    return JSON.stringify(a) === JSON.stringify(b);
  }
  return false;
}
