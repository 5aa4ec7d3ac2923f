import { useRef, type KeyboardEvent } from 'react';

export interface RadioSwitchProps<T extends string> {
  label: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string; lang?: string }>;
  onChange(value: T): void;
}

/**
 * A small segmented radio group in plain HTML (no react-aria), for the app header: it is on
 * every page, so it must not pull a widget library into the entry chunk. Follows the WAI-ARIA
 * radio group pattern: one tab stop, arrow keys move and select.
 */
export function RadioSwitch<T extends string>({ label, value, options, onChange }: RadioSwitchProps<T>) {
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const index = Math.max(0, options.findIndex((o) => o.value === value));

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = (index + step + options.length) % options.length;
    onChange(options[next]!.value);
    buttons.current[next]?.focus();
  }

  return (
    <div role="radiogroup" aria-label={label} className="segmented" onKeyDown={onKeyDown}>
      {options.map((option, i) => (
        <button
          key={option.value}
          ref={(el) => {
            buttons.current[i] = el;
          }}
          type="button"
          role="radio"
          aria-checked={i === index}
          tabIndex={i === index ? 0 : -1}
          lang={option.lang}
          className="segmented__option"
          data-selected={i === index || undefined}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
