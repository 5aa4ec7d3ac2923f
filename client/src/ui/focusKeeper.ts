/**
 * Focus is never lost (WCAG 2.4.3): when the focused element disappears (a dialog closes with no
 * trigger to return to, a control is replaced by another, an item is removed) or becomes
 * unfocusable (disabled, hidden), the browser drops focus to <body> and a keyboard or screen-reader
 * user has to start again from the top of the page. This puts it back on the nearest sensible
 * element instead:
 *
 *   1. a target asked for with `focusAfter()` (the code that removed something knows best);
 *   2. else, walking up from the lost element's former ancestors (and, when those are all gone,
 *      from the element focused before it, e.g. a dialog's trigger): the first container still in
 *      the page, its `[data-focus-fallback]` element if it has one, else its first focusable one;
 *   3. else the page's `[data-focus-fallback]` element (a form that navigated away: the new page's
 *      starting point), or `<main>` (focusable with tabindex -1) after a dialog, and once a page
 *      still loading shows its `[data-focus-fallback]` element, that element.
 *
 * It acts only when focus is on <body> and the element that had it is gone or unfocusable, two
 * frames after the change, so React Aria's own focus restoration (a dialog returning focus to its
 * trigger) always goes first. A click on empty space also leaves focus on <body>, but the element
 * is still there and focusable: nothing happens.
 */

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [contenteditable="true"], [tabindex]:not([tabindex="-1"])';
const HISTORY = 4;

/** The focused elements, newest first, each with its ancestors at the time it had focus. */
let history: Array<{ element: Element; ancestors: Element[] }> = [];
let requested: (() => HTMLElement | null | undefined) | null = null;
let scheduled = false;
/**
 * Focus was put on <main> as a last resort (the next page was still loading): once that page
 * shows a `[data-focus-fallback]` element, focus moves on to it, unless the person has moved first.
 */
let parked = false;

function ancestorsOf(element: Element): Element[] {
  const chain: Element[] = [];
  for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) chain.push(node);
  return chain;
}

function isFocusable(element: Element): element is HTMLElement {
  if (!(element instanceof HTMLElement) || !element.isConnected) return false;
  if (!element.matches(FOCUSABLE) && !element.hasAttribute('tabindex')) return false;
  if (element.matches(':disabled') || element.closest('[inert], [aria-hidden="true"]')) return false;
  return element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
}

/** A `[data-focus-fallback]` element, or the first focusable one inside it (a form, say). */
function preferredIn(container: Element): HTMLElement | null {
  for (const marked of container.querySelectorAll('[data-focus-fallback]')) {
    const found = isFocusable(marked) ? marked : [...marked.querySelectorAll(FOCUSABLE)].find(isFocusable);
    if (found) return found;
  }
  return null;
}

function firstFocusableIn(container: Element): HTMLElement | null {
  return preferredIn(container) ?? [...container.querySelectorAll(FOCUSABLE)].find(isFocusable) ?? null;
}

function lost(): boolean {
  const active = document.activeElement;
  if (active && active !== document.body && active !== document.documentElement) return false;
  const last = history[0]?.element;
  return last !== undefined && (!last.isConnected || !isFocusable(last));
}

/**
 * A phone or tablet without a keyboard: a page's starting field would open the on-screen keyboard
 * and scroll the page away from the running item, so a new page keeps focus on <main> there.
 */
function touchOnly(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(hover: none) and (pointer: coarse)').matches;
}

/** The element that lost focus was in a dialog (one that closed with nowhere to return to). */
function closedDialog(): boolean {
  return history[0]?.ancestors.some((a) => a.matches('[role="dialog"], [role="alertdialog"]')) ?? false;
}

function rescueTarget(): HTMLElement | null {
  const asked = requested?.();
  if (asked && isFocusable(asked)) return asked;
  for (const { element, ancestors } of history) {
    if (isFocusable(element)) return element;
    for (const ancestor of ancestors) {
      if (!ancestor.isConnected || ancestor.id === 'root') continue;
      const found = firstFocusableIn(ancestor);
      if (found) return found;
    }
  }
  const main = document.getElementById('main');
  // A dialog that closed with nowhere to return to (the join dialog): the page itself. A page that
  // replaced the last one (a form that navigated): its own starting point, if it marks one.
  const fromDialog = closedDialog();
  return (main && !fromDialog && !touchOnly() && preferredIn(main)) || main;
}

function check(): void {
  if (parked) {
    const main = document.getElementById('main');
    if (document.activeElement !== main) parked = false;
    else {
      const next = main && preferredIn(main);
      if (next) {
        parked = false;
        next.focus();
      }
      return;
    }
  }
  if (scheduled || (!requested && !lost())) return;
  scheduled = true;
  // Two frames: React has committed and React Aria has restored focus where it could.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      scheduled = false;
      const wanted = requested;
      requested = null;
      const active = document.activeElement;
      const onBody = !active || active === document.body || active === document.documentElement;
      if (!onBody && !wanted) return;
      if (!wanted && !lost()) return;
      requested = wanted;
      const fromDialog = closedDialog();
      const target = rescueTarget();
      requested = null;
      target?.focus();
      // Only while the next page is still loading: a page already shown keeps focus on <main>, and
      // so does a page a dialog closed over (the join dialog): moving on to its starting field would
      // scroll a phone's page away from the running item and open its keyboard.
      parked = target !== null && target.id === 'main' && !fromDialog && !touchOnly() && preferredIn(target) === null;
    }),
  );
}

/**
 * After the change being made now (removing an item, replacing a control), move focus to what
 * `find` returns once the page has updated, e.g. the neighbouring row.
 */
export function focusAfter(find: () => HTMLElement | null | undefined): void {
  requested = find;
  check();
}

let installed = false;

/** Starts keeping focus for this page (once; main.tsx). */
export function installFocusKeeper(): void {
  if (installed || typeof document === 'undefined') return;
  installed = true;
  document.addEventListener('keydown', () => (parked = false), true);
  document.addEventListener('pointerdown', () => (parked = false), true);
  document.addEventListener(
    'focusin',
    (event) => {
      const element = event.target;
      if (!(element instanceof Element) || element === document.body) return;
      if (element.id !== 'main') parked = false;
      history = [{ element, ancestors: ancestorsOf(element) }, ...history.filter((entry) => entry.element !== element)].slice(0, HISTORY);
    },
    true,
  );
  // Removal and disabling fire no focus events in every browser; the page's mutations tell.
  // Cheap per mutation batch: it looks at document.activeElement first.
  new MutationObserver(check).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'hidden', 'inert', 'aria-hidden'] });
}
