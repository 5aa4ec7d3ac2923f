/**
 * Single-key shortcuts of the room ("A": new action item, "D": record a decision). A shortcut
 * must never take a key that someone is typing: it fires only for a bare key press (no Ctrl,
 * Meta or Alt; Shift is allowed for capitals), outside any text field, editor, select or
 * combobox, never during an IME composition, and not while a dialog is open.
 */
export interface ShortcutKeyEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing: boolean;
  /** 229 while an IME is processing the key in some browsers. */
  keyCode?: number;
  repeat?: boolean;
  defaultPrevented?: boolean;
}

export interface ShortcutTarget {
  tagName?: string;
  isContentEditable?: boolean;
  /** role attribute, e.g. "combobox" or "textbox". */
  role?: string | null;
  /** Inside an open dialog. */
  inDialog?: boolean;
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const TYPING_ROLES = new Set(['textbox', 'combobox', 'searchbox', 'spinbutton', 'slider']);

export const SHORTCUT_KEYS = { newActionItem: 'a', newDecision: 'd' } as const;
export type ShortcutName = keyof typeof SHORTCUT_KEYS;

/** Which shortcut a key press means, or null when it is typing or not a shortcut. */
export function shortcutFor(event: ShortcutKeyEvent, target: ShortcutTarget | null): ShortcutName | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing || event.keyCode === 229) return null;
  if (event.repeat || event.defaultPrevented) return null;
  if (target) {
    if (target.isContentEditable || target.inDialog) return null;
    if (target.tagName && TYPING_TAGS.has(target.tagName.toUpperCase())) return null;
    if (target.role && TYPING_ROLES.has(target.role)) return null;
  }
  const key = event.key.toLowerCase();
  for (const [name, shortcutKey] of Object.entries(SHORTCUT_KEYS) as Array<[ShortcutName, string]>) {
    if (key === shortcutKey) return name;
  }
  return null;
}

/** The DOM facts `shortcutFor` needs about an event target. */
export function describeTarget(target: EventTarget | null): ShortcutTarget | null {
  if (!target || !(target instanceof Element)) return null;
  const element = target as HTMLElement;
  return {
    tagName: element.tagName,
    isContentEditable: element.isContentEditable,
    role: element.getAttribute('role'),
    inDialog: element.closest('[role="dialog"], [role="alertdialog"]') !== null,
  };
}
