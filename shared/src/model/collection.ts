import * as Y from 'yjs';
import type * as z from 'zod/v4/core';
import type { RootKeyName } from '../schema/keys';
import type { Position } from '../schema/validators';
import { newId } from './ids';
import { NotFoundError, ValidationError } from './modelError';
import { compareOrdered, placeAt, type Ordered, type Placement } from './orderKey';
import { parseInput } from './parse';
import type { FieldMap } from './fieldReaders';

/**
 * One ordered kind of record (agenda items, decisions, …) stored as
 * `Y.Map<id, Y.Map<field, value>>` under a root key. Each kind module declares a spec;
 * this gives it list / get / add / update / remove / move with validation before any write.
 */
export interface CollectionSpec<R extends Ordered, InSchema extends z.$ZodType, PatchSchema extends z.$ZodType> {
  /** Human name used in error messages, e.g. "agenda item". */
  kind: string;
  rootKey: RootKeyName;
  inputSchema: InSchema;
  patchSchema: PatchSchema;
  /** Field values for a new record from validated input. */
  initialFields(input: z.output<InSchema>, now: number): Record<string, unknown>;
  /** Nested shared types a new record owns (e.g. the notes fragment). */
  attachTypes?(record: FieldMap): void;
  /** The plain record from its map. */
  read(id: string, record: FieldMap): R;
  /** Checks that need the document (e.g. links to other records); throw ValidationError. */
  checkReferences?(doc: Y.Doc, values: Record<string, unknown>, id: string | null): void;
}

export interface AddOptions extends Position {
  /** Epoch ms stamped on records that record a creation time; defaults to Date.now(). */
  now?: number;
  /** Use this id instead of a random one (imports, tests). */
  id?: string;
}

export interface Collection<R extends Ordered, InSchema extends z.$ZodType, PatchSchema extends z.$ZodType> {
  root(doc: Y.Doc): Y.Map<FieldMap>;
  list(doc: Y.Doc): R[];
  get(doc: Y.Doc, id: string): R | null;
  record(doc: Y.Doc, id: string): FieldMap | null;
  add(doc: Y.Doc, input: z.input<InSchema>, options?: AddOptions): string;
  update(doc: Y.Doc, id: string, patch: z.input<PatchSchema>): void;
  remove(doc: Y.Doc, id: string): void;
  move(doc: Y.Doc, id: string, toIndex: number): void;
}

export function defineCollection<R extends Ordered, InSchema extends z.$ZodType, PatchSchema extends z.$ZodType>(
  spec: CollectionSpec<R, InSchema, PatchSchema>,
): Collection<R, InSchema, PatchSchema> {
  const root = (doc: Y.Doc) => doc.getMap<FieldMap>(spec.rootKey);

  const list = (doc: Y.Doc): R[] => {
    const records: R[] = [];
    root(doc).forEach((record, id) => {
      if (record instanceof Y.Map) records.push(spec.read(id, record));
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
      return found ? spec.read(id, found) : null;
    },
    add(doc, input, options = {}) {
      const values = parseInput(spec.inputSchema, input);
      const id = options.id ?? newId();
      if (root(doc).has(id)) throw new ValidationError(`${spec.kind} ${id} already exists`, 'id');
      const fields = spec.initialFields(values, options.now ?? Date.now());
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
      const values = parseInput(spec.patchSchema, patch) as Record<string, unknown>;
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
