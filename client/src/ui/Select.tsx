import type { ReactNode } from 'react';
import { Button, Label, ListBox, ListBoxItem, Popover, Select as AriaSelect, SelectValue, Text } from 'react-aria-components';

export interface SelectOption<K extends string> {
  value: K;
  label: string;
  /** A second line in the list (e.g. what a choice means). */
  description?: string;
}

export interface SelectProps<K extends string> {
  label: ReactNode;
  value: K;
  options: ReadonlyArray<SelectOption<K>>;
  onChange(value: K): void;
  description?: ReactNode;
  className?: string;
  isDisabled?: boolean;
}

/** One choice from a short list: react-aria's Select (a listbox in a popover: arrow keys, type-ahead, Escape). */
export function Select<K extends string>({ label, value, options, onChange, description, className, isDisabled }: SelectProps<K>) {
  return (
    <AriaSelect
      className={['field', 'select-field', className].filter(Boolean).join(' ')}
      selectedKey={value}
      onSelectionChange={(key) => key !== null && onChange(String(key) as K)}
      isDisabled={isDisabled}
    >
      <Label className="field__label">{label}</Label>
      <Button className="field__input select-field__button">
        <SelectValue className="select-field__value" />
        <span aria-hidden="true" className="select-field__chevron">▾</span>
      </Button>
      {description && <Text slot="description" className="field__description">{description}</Text>}
      <Popover className="select-field__popover">
        <ListBox className="select-field__list">
          {options.map((o) => (
            <ListBoxItem key={o.value} id={o.value} textValue={o.label} className="select-field__option">
              <Text slot="label">{o.label}</Text>
              {o.description && <Text slot="description" className="select-field__option-description">{o.description}</Text>}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}
