import { useEffect, useRef, useState, type ReactNode } from 'react';
import { TextField } from '../../ui/TextField';

/** Idle time after the last keystroke before a draft is written to the shared document. */
const COMMIT_IDLE_MS = 700;

export interface LiveTextFieldProps {
  label: ReactNode;
  /** The value in the shared document. */
  value: string;
  /** Write a new value; may throw (e.g. a ValidationError), in which case the draft is reverted. */
  onCommit(value: string): void;
  placeholder?: string;
  required?: boolean;
  requiredMessage?: string;
  className?: string;
  inputClassName?: string;
  hideLabel?: boolean;
  /** Shown but not editable (an observer, an ended meeting). */
  readOnly?: boolean;
  /** Focus changes, e.g. to tell others what this person is editing. */
  onFocus?(): void;
  onBlur?(): void;
}

/**
 * A text field bound to one shared string field. While the person has typed something not yet
 * written (and especially while an IME composition is open) their draft is never replaced by
 * remote changes; the draft is written on blur, Enter or a pause in typing, never
 * mid-composition. A field that was only focused, not typed in, follows remote changes and
 * writes nothing on blur, so it cannot put back an old value over someone else's edit.
 */
export function LiveTextField({ label, value, onCommit, placeholder, required, requiredMessage, className, inputClassName, hideLabel, readOnly, onFocus, onBlur }: LiveTextFieldProps) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  /** Typed since the last write. */
  const dirty = useRef(false);
  const composing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ draft, value });
  latest.current = { draft, value };

  // Remote changes show up at once unless this person has unwritten typing.
  useEffect(() => {
    if (!dirty.current) setDraft(value);
  }, [value]);

  useEffect(() => () => {
    if (timer.current !== null) clearTimeout(timer.current);
  }, []);

  function commit() {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const { draft: next, value: current } = latest.current;
    if (!dirty.current) return;
    if (next === current) {
      dirty.current = false;
      return;
    }
    if (required && next.trim() === '') {
      setError(requiredMessage ?? null);
      return;
    }
    try {
      onCommit(next);
      dirty.current = false;
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  function scheduleCommit() {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      if (!composing.current) commit();
    }, COMMIT_IDLE_MS);
  }

  return (
    <TextField
      label={label}
      hideLabel={hideLabel}
      placeholder={placeholder}
      className={className}
      inputClassName={inputClassName}
      value={draft}
      isReadOnly={readOnly}
      errorMessage={error}
      onChange={(next) => {
        dirty.current = true;
        setDraft(next);
        if (error) setError(null);
        scheduleCommit();
      }}
      inputProps={{
        onFocus: () => onFocus?.(),
        onBlur: () => {
          commit();
          // a rejected empty title goes back to the shared value
          if (required && latest.current.draft.trim() === '') {
            dirty.current = false;
            setDraft(latest.current.value);
            setError(null);
          }
          onBlur?.();
        },
        onCompositionStart: () => {
          composing.current = true;
        },
        onCompositionEnd: () => {
          composing.current = false;
          scheduleCommit();
        },
        onKeyDown: (event) => {
          if (event.key === 'Enter' && !event.nativeEvent.isComposing) commit();
          if (event.key === 'Escape') {
            dirty.current = false;
            setDraft(latest.current.value);
            setError(null);
          }
        },
      }}
    />
  );
}
