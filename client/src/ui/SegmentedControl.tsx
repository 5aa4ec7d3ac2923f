import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';

export interface SegmentedControlProps<T extends string> {
  label: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange(value: T): void;
}

/** A row of mutually exclusive toggle buttons (e.g. the language switch). */
export function SegmentedControl<T extends string>({ label, value, options, onChange }: SegmentedControlProps<T>) {
  return (
    <ToggleButtonGroup
      aria-label={label}
      className="segmented"
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[value]}
      onSelectionChange={(keys) => {
        const [next] = [...keys];
        if (typeof next === 'string') onChange(next as T);
      }}
    >
      {options.map((option) => (
        <ToggleButton key={option.value} id={option.value} className="segmented__option">
          {option.label}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
