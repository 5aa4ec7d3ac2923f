import type * as Y from 'yjs';

/**
 * Tolerant readers for one field of a record's Y.Map. A document written by an older or newer
 * client may miss a field or hold another type; readers fall back instead of crashing the UI.
 */
export type FieldMap = Y.Map<unknown>;

export function readString(map: FieldMap, key: string, fallback = ''): string {
  const value = map.get(key);
  return typeof value === 'string' ? value : fallback;
}

export function readNumber(map: FieldMap, key: string, fallback = 0): number {
  const value = map.get(key);
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function readNullableNumber(map: FieldMap, key: string): number | null {
  const value = map.get(key);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function readNullableString(map: FieldMap, key: string): string | null {
  const value = map.get(key);
  return typeof value === 'string' ? value : null;
}

export function readBoolean(map: FieldMap, key: string, fallback = false): boolean {
  const value = map.get(key);
  return typeof value === 'boolean' ? value : fallback;
}

export function readEnum<T extends string>(
  map: FieldMap,
  key: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = map.get(key);
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : fallback;
}

/** Reads a JSON value stored whole (objects and arrays are stored as immutable values). */
export function readJson<T>(map: FieldMap, key: string, guard: (v: unknown) => v is T, fallback: T): T {
  const value = map.get(key);
  return guard(value) ? value : fallback;
}
