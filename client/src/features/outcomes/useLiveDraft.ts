import { useEffect, useRef, useState } from 'react';

/** Idle time after the last keystroke before a draft is written (same as LiveTextField). */
const COMMIT_IDLE_MS = 700;

export interface LiveDraft {
  draft: string;
  error: string | null;
  /** The person typed (or picked) a new value. */
  change(next: string): void;
  /** Write the draft now if it was typed in and differs from the shared value. */
  commit(): void;
  /** Drop the draft and show the shared value again. */
  revert(): void;
  compositionStart(): void;
  compositionEnd(): void;
}

/**
 * The editing rules of `features/agenda/LiveTextField`, as a hook for fields that are not a plain
 * text input (text areas, comboboxes, number fields): while the person has unwritten typing,
 * remote changes never replace the draft; the draft is written after a pause, on blur or on
 * Enter, never in the middle of an IME composition; a field that was only focused writes nothing.
 * `onCommit` may throw (e.g. a ValidationError or a number that does not parse): the draft stays
 * and the message is shown.
 */
export function useLiveDraft(value: string, onCommit: (value: string) => void, options: { required?: boolean; requiredMessage?: string } = {}): LiveDraft {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const dirty = useRef(false);
  const composing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ draft, value, onCommit, options });
  latest.current = { draft, value, onCommit, options };

  useEffect(() => {
    if (!dirty.current) setDraft(value);
  }, [value]);

  useEffect(() => () => {
    if (timer.current !== null) clearTimeout(timer.current);
  }, []);

  const commit = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const { draft: next, value: current, onCommit: write, options: opts } = latest.current;
    if (!dirty.current) return;
    if (next === current) {
      dirty.current = false;
      setError(null);
      return;
    }
    if (opts.required && next.trim() === '') {
      setError(opts.requiredMessage ?? null);
      return;
    }
    try {
      write(next);
      dirty.current = false;
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const scheduleCommit = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      if (!composing.current) commit();
    }, COMMIT_IDLE_MS);
  };

  return {
    draft,
    error,
    change(next) {
      dirty.current = true;
      latest.current.draft = next;
      setDraft(next);
      if (error) setError(null);
      scheduleCommit();
    },
    commit,
    revert() {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
      dirty.current = false;
      setDraft(latest.current.value);
      setError(null);
    },
    compositionStart() {
      composing.current = true;
    },
    compositionEnd() {
      composing.current = false;
      scheduleCommit();
    },
  };
}
