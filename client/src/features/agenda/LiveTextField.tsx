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
}

/**
 * A text field bound to one shared string field. While the person is typing (and especially
 * while an IME composition is open) their draft is never replaced by remote changes; the draft is
 * written on blur, Enter or a pause in typing, never mid-composition.
 */
export function LiveTextField({ label, value, onCommit, placeholder, required, requiredMessage, className, inputClassName, hideLabel }: LiveTextFieldProps) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const editing = useRef(false);
  const composing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ draft, value });
  latest.current = { draft, value };

  // Remote changes show up at once unless this person is in the middle of editing.
  useEffect(() => {
    if (!editing.current) setDraft(value);
  }, [value]);

  useEffect(() => () => {
    if (timer.current !== null) clearTimeout(timer.current);
  }, []);

  function commit() {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const { draft: next, value: current } = latest.current;
    if (next === current) return;
    if (required && next.trim() === '') {
      setError(requiredMessage ?? null);
      return;
    }
    try {
      onCommit(next);
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
      isInvalid={error !== null}
      validate={() => error ?? true}
      validationBehavior="aria"
      onChange={(next) => {
        setDraft(next);
        if (error) setError(null);
        scheduleCommit();
      }}
      inputProps={{
        onFocus: () => {
          editing.current = true;
        },
        onBlur: () => {
          editing.current = false;
          commit();
          // a rejected empty title goes back to the shared value
          if (required && latest.current.draft.trim() === '') setDraft(latest.current.value);
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
            setDraft(latest.current.value);
            setError(null);
          }
        },
      }}
    />
  );
}
