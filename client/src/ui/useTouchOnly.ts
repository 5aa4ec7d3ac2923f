import { useSyncExternalStore } from 'react';

/** A device whose only pointer is a finger: no hover, coarse pointer (phones, most tablets). */
const TOUCH_ONLY = '(hover: none) and (pointer: coarse)';

const query = () => (typeof matchMedia === 'function' ? matchMedia(TOUCH_ONLY) : null);
const subscribe = (onChange: () => void) => {
  const list = query();
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
};

/**
 * True on touch-only devices. Keyboard hints (A, D, Ctrl+Enter) are left out there: they name
 * keys the person does not have, and a screen reader would read them as instructions.
 */
export function useTouchOnly(): boolean {
  return useSyncExternalStore(subscribe, () => query()?.matches ?? false, () => false);
}
