import * as Y from 'yjs';
import type * as z from 'zod/mini';
import { MAX_ID_LENGTH } from '../protocol/limits';
import { AGENDA_NOTES_FIELD, RootKey } from '../schema/keys';
import {
  storedActionItem,
  storedAgendaItem,
  storedAttendee,
  storedClosingOverride,
  storedDecision,
  storedIssue,
  storedKpi,
  storedMeta,
  storedNextMeeting,
  type StoredRecordShape,
} from '../schema/storedRecords';
import { NEXT_MEETING_KEY, OVERRIDE_PREFIX, gapIdSchema } from './closingNotes';

/**
 * Whether what one transaction changed keeps the meeting document in the layout the model writes
 * (schema/keys.ts): only the known root maps; records that are maps of known fields holding valid
 * values (schema/storedRecords.ts); shared types only where the model puts them (an agenda item's
 * notes fragment, with XML nodes inside). The sync server runs it on every client update after
 * applying it to its scratch copy, and refuses the update when it returns a problem.
 *
 * It looks only at what the transaction touched (`transaction.changed`, plus the whole content of
 * types the transaction created, which Yjs does not list there), so its cost follows the size of
 * the update, not of the document.
 */
export interface ShapeOptions {
  /** Root keys besides the model's that may hold anything (tests and benchmarks only). */
  extraRootKeys?: ReadonlySet<string>;
}

const COLLECTIONS: ReadonlyMap<string, { kind: string; shape: StoredRecordShape }> = new Map([
  [RootKey.attendees, { kind: 'attendee', shape: storedAttendee }],
  [RootKey.agenda, { kind: 'agenda item', shape: storedAgendaItem }],
  [RootKey.decisions, { kind: 'decision', shape: storedDecision }],
  [RootKey.actionItems, { kind: 'action item', shape: storedActionItem }],
  [RootKey.kpis, { kind: 'KPI', shape: storedKpi }],
  [RootKey.issues, { kind: '課題', shape: storedIssue }],
]);
const MODEL_ROOTS: ReadonlySet<string> = new Set(Object.values(RootKey));

type AnyType = Y.AbstractType<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

class ShapeProblem extends Error {}

/** Null when the transaction's changes fit the layout, else what does not (for the sender). */
export function checkTransactionShape(transaction: Y.Transaction, options: ShapeOptions = {}): string | null {
  const doc = transaction.doc;
  // A root that an update reached before anything asked for it is an untyped placeholder (the key
  // `transaction.changed` holds); typing it as a map re-parents its records to a new object. Both name it.
  const rootNames = new Map<AnyType, string>();
  for (const [name, type] of doc.share) rootNames.set(type, name);
  for (const name of MODEL_ROOTS) if (doc.share.has(name)) rootNames.set(doc.getMap(name), name);
  const isNew = (type: AnyType) => {
    const item = type._item;
    return item !== null && item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
  };
  try {
    for (const [type, keys] of transaction.changed) {
      const location = locate(type, rootNames);
      if (location === null) continue; // inside something deleted: nothing there is readable
      checkChange(doc, location, type, keys, isNew, options);
    }
    return null;
  } catch (error) {
    if (error instanceof ShapeProblem) return error.message;
    throw error;
  }
}

/** The root name and the map keys leading from it to `type`; null when `type` sits in deleted content. */
function locate(type: AnyType, rootNames: ReadonlyMap<AnyType, string>): { root: string; path: string[] } | null {
  const path: string[] = [];
  let current = type;
  while (current._item !== null) {
    const item = current._item;
    if (item.deleted) return null;
    path.unshift(item.parentSub ?? '');
    current = item.parent as AnyType;
  }
  const root = rootNames.get(current);
  if (root === undefined) throw new ShapeProblem('change outside the document');
  return { root, path };
}

function checkChange(
  doc: Y.Doc,
  { root, path }: { root: string; path: string[] },
  type: AnyType,
  keys: Set<string | null>,
  isNew: (type: AnyType) => boolean,
  options: ShapeOptions,
) {
  if (!MODEL_ROOTS.has(root)) {
    if (options.extraRootKeys?.has(root)) return;
    throw new ShapeProblem(`unknown top-level key "${truncate(root)}"`);
  }
  if (keys.has(null)) {
    // List content: only inside an agenda item's notes (XML nodes and text).
    if (root === RootKey.agenda && path[1] === AGENDA_NOTES_FIELD) return checkNotesNode(type, path.length - 2, isNew);
    throw new ShapeProblem(`${where(root, path)}: unexpected list content`);
  }
  if (path.length === 0) {
    const map = doc.getMap<unknown>(root);
    for (const key of keys as Set<string>) checkRootEntry(root, map, key, isNew);
    return;
  }
  const collection = COLLECTIONS.get(root);
  if (collection && path.length === 1 && type instanceof Y.Map) {
    for (const key of keys as Set<string>) {
      if (!type.has(key)) throw new ShapeProblem(`${collection.kind} ${truncate(path[0]!)}: field "${truncate(key)}" must not be removed`);
      checkField(collection.kind, path[0]!, collection.shape, key, type.get(key), root, isNew);
    }
    return;
  }
  if (root === RootKey.agenda && path[1] === AGENDA_NOTES_FIELD) return checkNotesNode(type, path.length - 2, isNew);
  throw new ShapeProblem(`${where(root, path)}: unexpected nested value`);
}

/** One key of a root map changed: a meta field, a record added or removed, a closing note. */
function checkRootEntry(root: string, map: Y.Map<unknown>, key: string, isNew: (type: AnyType) => boolean) {
  const value = map.get(key);
  if (root === RootKey.meta) {
    if (value === undefined) throw new ShapeProblem(`meta: field "${truncate(key)}" must not be removed`);
    return checkValue('meta', key, storedMeta.fields[key], value);
  }
  if (root === RootKey.closing) {
    if (value === undefined) return; // an override withdrawn, the next meeting cleared
    if (key === NEXT_MEETING_KEY) return checkValue('closing', key, storedNextMeeting, value);
    if (key.startsWith(OVERRIDE_PREFIX) && gapIdSchema.safeParse(key.slice(OVERRIDE_PREFIX.length)).success) {
      return checkValue('closing', key, storedClosingOverride, value);
    }
    throw new ShapeProblem(`closing: unknown key "${truncate(key)}"`);
  }
  const collection = COLLECTIONS.get(root)!;
  if (key.length === 0 || key.length > MAX_ID_LENGTH) throw new ShapeProblem(`${collection.kind}: id must be 1–${MAX_ID_LENGTH} characters`);
  if (value === undefined) return; // removed
  if (!(value instanceof Y.Map)) throw new ShapeProblem(`${collection.kind} ${truncate(key)}: must be a record`);
  for (const [field, fieldValue] of value.entries()) {
    checkField(collection.kind, key, collection.shape, field, fieldValue, root, isNew);
  }
  if (isNew(value)) {
    const required = root === RootKey.agenda ? [...collection.shape.required, AGENDA_NOTES_FIELD] : collection.shape.required;
    const missing = required.find((field) => !value.has(field));
    if (missing) throw new ShapeProblem(`${collection.kind} ${truncate(key)}: field "${missing}" is missing`);
  }
}

function checkField(
  kind: string,
  recordId: string,
  shape: StoredRecordShape,
  field: string,
  value: unknown,
  root: string,
  isNew: (type: AnyType) => boolean,
) {
  const record = `${kind} ${truncate(recordId)}`;
  if (root === RootKey.agenda && field === AGENDA_NOTES_FIELD) {
    if (!(value instanceof Y.XmlFragment) || value instanceof Y.XmlElement) throw new ShapeProblem(`${record}: notes: must be the notes document`);
    if (isNew(value)) checkNotesNode(value, 0, isNew);
    return;
  }
  checkValue(record, field, shape.fields[field], value);
}

/** `where`: the record or map the field belongs to, for the message. */
function checkValue(where: string, field: string, schema: z.ZodMiniType | undefined, value: unknown) {
  if (schema === undefined) throw new ShapeProblem(`${where}: unknown field "${truncate(field)}"`);
  const label = `${where}: ${truncate(field)}`;
  if (value instanceof Y.AbstractType) throw new ShapeProblem(`${label}: must be a plain value`);
  const result = schema.safeParse(value);
  if (!result.success) throw new ShapeProblem(`${label}: ${result.error.issues[0]?.message ?? 'invalid value'}`);
}

/**
 * A notes fragment (depth 0) or a node inside it: only XML elements and text, nested. Content the
 * transaction created is checked whole; older content was checked when it arrived.
 */
function checkNotesNode(type: AnyType, depth: number, isNew: (type: AnyType) => boolean) {
  if (depth === 0 ? !(type instanceof Y.XmlFragment) || type instanceof Y.XmlElement : !(type instanceof Y.XmlElement || type instanceof Y.XmlText)) {
    throw new ShapeProblem('notes: unexpected content');
  }
  if (type instanceof Y.XmlText) return; // text, formatting and embeds: what the editor reads
  for (const child of (type as Y.XmlFragment).toArray() as unknown[]) {
    if (!(child instanceof Y.XmlElement || child instanceof Y.XmlText)) throw new ShapeProblem('notes: unexpected content');
    if (isNew(child)) checkNotesNode(child, depth + 1, isNew);
  }
}

function where(root: string, path: string[]): string {
  return [root, ...path].map(truncate).join('.');
}

/** Names in messages stay short: a crafted key can be long. */
function truncate(name: string): string {
  return name.length > 40 ? `${name.slice(0, 40)}…` : name;
}
