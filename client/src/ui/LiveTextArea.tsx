import { useId } from 'react';
import { useLiveDraft, type LiveFieldProps } from './useLiveDraft';

export interface LiveTextAreaProps extends LiveFieldProps {
  rows?: number;
}

/**
 * A multi-line text field bound to one shared string field, with the live-field rule
 * (liveDraft.ts): IME-safe, remote changes never replace unwritten typing. Enter makes a new
 * line; the text is written after a pause, on blur, or on Ctrl/⌘+Enter; Escape reverts.
 */
export function LiveTextArea({ label, value, onCommit, placeholder, required, requiredMessage, rows = 2, className }: LiveTextAreaProps) {
  const live = useLiveDraft(value, onCommit, { required, requiredMessage });
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field__label">{label}</label>
      <textarea
        id={id}
        className="field__input field__textarea"
        value={live.draft}
        rows={rows}
        placeholder={placeholder}
        aria-invalid={live.error !== null || undefined}
        aria-describedby={live.error ? errorId : undefined}
        onChange={(event) => live.change(event.target.value)}
        onBlur={live.leave}
        onCompositionStart={live.compositionStart}
        onCompositionEnd={live.compositionEnd}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) live.commit();
          if (event.key === 'Escape') {
            event.stopPropagation();
            live.revert();
          }
        }}
      />
      {live.error && <span id={errorId} className="field__error">{live.error}</span>}
    </div>
  );
}
