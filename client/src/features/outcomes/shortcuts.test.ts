import { describe, expect, it } from 'vitest';
import { shortcutFor, type ShortcutKeyEvent } from './shortcuts';

const key = (k: string, extra: Partial<ShortcutKeyEvent> = {}): ShortcutKeyEvent => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, isComposing: false, ...extra });

describe('shortcutFor', () => {
  it('maps bare A and D (either case) outside text fields', () => {
    expect(shortcutFor(key('a'), { tagName: 'BODY' })).toBe('newActionItem');
    expect(shortcutFor(key('A'), { tagName: 'BUTTON' })).toBe('newActionItem');
    expect(shortcutFor(key('d'), null)).toBe('newDecision');
    expect(shortcutFor(key('x'), null)).toBeNull();
  });

  it('never takes a key while typing, composing, or with a modifier', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT', 'input']) expect(shortcutFor(key('a'), { tagName })).toBeNull();
    expect(shortcutFor(key('a'), { tagName: 'DIV', isContentEditable: true })).toBeNull();
    expect(shortcutFor(key('a'), { tagName: 'DIV', role: 'combobox' })).toBeNull();
    expect(shortcutFor(key('a'), { tagName: 'BUTTON', inDialog: true })).toBeNull();
    expect(shortcutFor(key('a', { isComposing: true }), null)).toBeNull();
    expect(shortcutFor(key('Process', { keyCode: 229 }), null)).toBeNull();
    expect(shortcutFor(key('a', { keyCode: 229 }), null)).toBeNull();
    expect(shortcutFor(key('a', { ctrlKey: true }), null)).toBeNull();
    expect(shortcutFor(key('a', { metaKey: true }), null)).toBeNull();
    expect(shortcutFor(key('a', { altKey: true }), null)).toBeNull();
    expect(shortcutFor(key('a', { repeat: true }), null)).toBeNull();
    expect(shortcutFor(key('a', { defaultPrevented: true }), null)).toBeNull();
  });
});
