import { createStore, type ExternalStore } from './externalStore';
import { normalizeDepartment, normalizeName, pickColor, type PresenceUser } from './presence';

/**
 * Who this browser is in every meeting: the name chosen on first join and a colour, remembered
 * in localStorage (not in the meeting document, and not in the UI store: it is the person, not
 * a view setting).
 */
export const IDENTITY_STORAGE_KEY = 'suishin.identity';

export interface Identity {
  /** Null until the person has chosen a name. */
  name: string | null;
  color: string;
  /** The department the person gave when joining ("" for none): attendance is taken with it. */
  department: string;
}

function load(): Identity {
  try {
    const raw = JSON.parse(localStorage.getItem(IDENTITY_STORAGE_KEY) ?? 'null') as Partial<Identity> | null;
    const name = typeof raw?.name === 'string' ? normalizeName(raw.name) : null;
    const color = typeof raw?.color === 'string' && /^#[0-9a-f]{6}$/i.test(raw.color) ? raw.color : pickColor();
    return { name, color, department: normalizeDepartment(raw?.department) };
  } catch {
    return { name: null, color: pickColor(), department: '' };
  }
}

const store = createStore<Identity>(typeof localStorage === 'undefined' ? { name: null, color: pickColor(), department: '' } : load());

export const identity: ExternalStore<Identity> = store;

/** Sets the display name and department (normalized); returns false and changes nothing when the name is empty. */
export function setDisplayName(input: string, department?: string): boolean {
  const name = normalizeName(input);
  if (name === null) return false;
  const next = { ...store.get(), name, ...(department !== undefined ? { department: normalizeDepartment(department) } : {}) };
  store.set(next);
  try {
    localStorage.setItem(IDENTITY_STORAGE_KEY, JSON.stringify(next));
  } catch {
    // private mode or full storage: the name still holds for this visit
  }
  return true;
}

export function presenceUser(value: Identity): PresenceUser | null {
  return value.name === null ? null : { name: value.name, color: value.color, department: value.department };
}
