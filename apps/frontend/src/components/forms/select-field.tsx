'use client';

import { useId, type ChangeEvent, type ReactNode } from 'react';
import { StaticIcon } from '../ui/static-icon';
import { helperTextIdOf, OutlinedField } from './outlined-field';

export interface SelectOption<Value extends string> {
  value: Value;
  label: string;
  disabled?: boolean;
}

export interface SelectFieldProps<Value extends string> {
  label: string;
  value: Value;
  options: readonly SelectOption<Value>[];
  onChange(value: Value, event: ChangeEvent<HTMLSelectElement>): void;
  helperText?: ReactNode;
  error?: boolean;
  disabled?: boolean;
  required?: boolean;
  fullWidth?: boolean;
  size?: 'small' | 'medium';
  id?: string;
  name?: string;
  className?: string;
  /** Extra attributes for the <select> itself (data-testid, aria-*). */
  selectProps?: Record<`data-${string}` | `aria-${string}`, string | undefined>;
}

/**
 * An outlined select that looks like MUI's <TextField select> but is the
 * platform's own <select>: the phone's native picker, the keyboard and screen
 * readers work as everywhere else. Drawn by CSS on plain elements like
 * TextInput (`.field` in globals.css), with the label always floated (a
 * select always shows a value): no MUI Select, Menu, Popover or Modal, and no
 * styling work at start-up.
 */
export function SelectField<Value extends string>({
  label,
  value,
  options,
  onChange,
  helperText,
  error = false,
  disabled,
  required,
  fullWidth,
  size = 'medium',
  id,
  name,
  className = '',
  selectProps,
}: SelectFieldProps<Value>) {
  const generatedId = useId();
  const selectId = id ?? generatedId;
  return (
    <OutlinedField
      controlId={selectId}
      label={label}
      required={required}
      error={error}
      disabled={disabled}
      fullWidth={fullWidth}
      size={size}
      shrink
      className={className}
      helperText={helperText}
    >
      <select
        id={selectId}
        name={name}
        className="field-input"
        value={value}
        disabled={disabled}
        required={required}
        aria-invalid={error}
        aria-describedby={helperTextIdOf(selectId, helperText)}
        onChange={(event) => onChange(event.target.value as Value, event)}
        {...selectProps}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
      <StaticIcon name="arrowDropDown" className="field-select-icon" />
    </OutlinedField>
  );
}
