/**
 * Presence: what each person in the room shares through Yjs awareness (never the document).
 * This is the one place its shape is declared and checked; every state read from awareness goes
 * through `parsePresence`, because any client can put anything there.
 *
 * Field names: `user` ({ name, color }) is what @tiptap/extension-collaboration-caret reads to
 * draw a caret and its label, and `cursor` is written by y-tiptap's cursor plugin; we add
 * `user.department` (what the person said when joining: attendance is taken from it) and
 * `editing`, the agenda item and field the person is working in. The server stamps `user.name`
 * with the sign-in's name, so nobody shows up under another's name.
 */
import { MAX_ID_LENGTH } from '@suishin/shared/protocol';

export type EditingField = 'title' | 'presenter' | 'timebox' | 'notes';
export const EDITING_FIELDS: readonly EditingField[] = ['title', 'presenter', 'timebox', 'notes'];

export interface Editing {
  agendaItemId: string;
  field: EditingField;
}

export interface PresenceUser {
  name: string;
  /** `#rrggbb`; the caret extension refuses anything else. */
  color: string;
  /** "" when the person gave none. */
  department: string;
}

export interface PresenceState {
  user: PresenceUser;
  editing: Editing | null;
}

/** One person in the room, as the UI shows them. */
export interface Peer {
  clientId: number;
  name: string;
  color: string;
  department: string;
  editing: Editing | null;
  /** This browser tab. */
  self: boolean;
}

export const MAX_NAME_LENGTH = 40;
export const MAX_DEPARTMENT_LENGTH = 60;
const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/**
 * Colours with enough contrast for white label text (≥ 4.5:1) that stay apart from each other
 * and from the app's status colours.
 */
export const PRESENCE_COLORS: readonly string[] = [
  '#c2410c', '#0f766e', '#7c3aed', '#be185d', '#1d4ed8', '#4d7c0f',
  '#b91c1c', '#0e7490', '#6d28d9', '#a21caf', '#15803d', '#9a3412',
];

export function pickColor(random: () => number = Math.random): string {
  return PRESENCE_COLORS[Math.floor(random() * PRESENCE_COLORS.length) % PRESENCE_COLORS.length]!;
}

/** A display name as typed: trimmed, inner whitespace collapsed, control characters removed; null if empty. */
export function normalizeName(input: string): string | null {
  // eslint-disable-next-line no-control-regex
  const name = input.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (name === '') return null;
  return [...name].slice(0, MAX_NAME_LENGTH).join('');
}

/** A department as typed: like a name, at most MAX_DEPARTMENT_LENGTH characters; "" if empty. */
export function normalizeDepartment(input: unknown): string {
  if (typeof input !== 'string') return '';
  return [...(normalizeName(input) ?? '')].slice(0, MAX_DEPARTMENT_LENGTH).join('');
}

/** The presence part of an awareness state, or null if it is missing or malformed. */
export function parsePresence(value: unknown): PresenceState | null {
  if (!isRecord(value) || !isRecord(value.user)) return null;
  const { name, color, department } = value.user;
  if (typeof name !== 'string' || typeof color !== 'string' || !HEX_COLOR.test(color)) return null;
  const cleanName = normalizeName(name);
  if (cleanName === null) return null;
  return { user: { name: cleanName, color: color.toLowerCase(), department: normalizeDepartment(department) }, editing: parseEditing(value.editing) };
}

function parseEditing(value: unknown): Editing | null {
  if (!isRecord(value)) return null;
  const { agendaItemId, field } = value;
  if (typeof agendaItemId !== 'string' || agendaItemId.length === 0 || agendaItemId.length > MAX_ID_LENGTH) return null;
  if (typeof field !== 'string' || !(EDITING_FIELDS as readonly string[]).includes(field)) return null;
  return { agendaItemId, field: field as EditingField };
}

/**
 * Everyone in the room from the awareness states: valid states only, this tab first, then by
 * name. States without presence (a client that has not joined yet) are left out.
 */
export function peersFromStates(states: ReadonlyMap<number, unknown>, selfClientId: number): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of states) {
    const presence = parsePresence(state);
    if (!presence) continue;
    peers.push({ clientId, name: presence.user.name, color: presence.user.color, department: presence.user.department, editing: presence.editing, self: clientId === selfClientId });
  }
  return peers.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

/** Whether two peer lists would render the same (cursor moves change awareness but not this). */
export function samePeers(a: readonly Peer[], b: readonly Peer[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((peer, i) => {
    const other = b[i]!;
    return (
      peer.clientId === other.clientId &&
      peer.name === other.name &&
      peer.color === other.color &&
      peer.department === other.department &&
      peer.self === other.self &&
      peer.editing?.agendaItemId === other.editing?.agendaItemId &&
      peer.editing?.field === other.editing?.field
    );
  });
}

/** Up to two letters for an avatar: initials of a Latin name, or the first character otherwise. */
export function initials(name: string): string {
  const words = name.split(' ').filter(Boolean);
  const first = [...(words[0] ?? '')][0] ?? '?';
  if (!/^[a-z]$/i.test(first)) return first;
  const second = words.length > 1 ? ([...words[words.length - 1]!][0] ?? '') : '';
  return (first + (/^[a-z]$/i.test(second) ? second : '')).toUpperCase();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
