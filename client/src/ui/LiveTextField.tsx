import { TextField } from './TextField';
import { useLiveDraft, type LiveFieldProps } from './useLiveDraft';

export interface LiveTextFieldProps extends LiveFieldProps {
  inputClassName?: string;
  hideLabel?: boolean;
  /** Shown but not editable (an observer, an ended meeting). */
  readOnly?: boolean;
  /** Focus changes, e.g. to tell others what this person is editing. */
  onFocus?(): void;
  onBlur?(): void;
  /** Wraps long text instead of cutting it (see TextField's `wrap`); Enter still writes it. */
  wrap?: boolean;
}

/**
 * A text field bound to one shared string field, with the live-field rule (liveDraft.ts):
 * unwritten typing is never replaced by remote changes, nothing is written mid-composition.
 * Written after a pause, on blur or on Enter; Escape reverts.
 */
export function LiveTextField({ label, value, onCommit, placeholder, required, requiredMessage, className, inputClassName, hideLabel, readOnly, onFocus, onBlur, wrap }: LiveTextFieldProps) {
  const live = useLiveDraft(value, onCommit, { required, requiredMessage });
  return (
    <TextField
      label={label}
      hideLabel={hideLabel}
      placeholder={placeholder}
      className={className}
      inputClassName={inputClassName}
      value={live.draft}
      isReadOnly={readOnly}
      wrap={wrap}
      errorMessage={live.error}
      onChange={wrap ? (text: string) => live.change(text.replace(/[\r\n]+/g, ' ')) : live.change}
      inputProps={{
        onFocus: () => onFocus?.(),
        onBlur: () => {
          live.leave();
          onBlur?.();
        },
        onCompositionStart: live.compositionStart,
        onCompositionEnd: live.compositionEnd,
        onKeyDown: (event) => {
          if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
            if (wrap) event.preventDefault(); // one line: Enter writes, never breaks it
            live.commit();
          }
          if (event.key === 'Escape') live.revert();
        },
      }}
    />
  );
}
