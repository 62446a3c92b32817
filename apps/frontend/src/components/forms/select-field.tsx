'use client';

import { useId, type ChangeEvent, type ReactNode } from 'react';
import { StaticIcon } from '../ui/static-icon';

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
  const helperTextId = helperText ? `${selectId}-helper-text` : undefined;
  return (
    <div
      className={`field ${className}`}
      data-size={size}
      data-error={error}
      data-disabled={disabled ? true : undefined}
      data-full-width={fullWidth ? true : undefined}
      data-shrink
    >
      <label htmlFor={selectId} className="field-label">
        {label}
        {required ? <span aria-hidden="true">&thinsp;*</span> : null}
      </label>
      <div className="field-box">
        <select
          id={selectId}
          name={name}
          className="field-input"
          value={value}
          disabled={disabled}
          required={required}
          aria-invalid={error}
          aria-describedby={helperTextId}
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
        <fieldset aria-hidden="true" className="field-outline">
          <legend>
            <span>
              {label}
              {required ? '\u2009*' : ''}
            </span>
          </legend>
        </fieldset>
      </div>
      {helperText ? (
        <p id={helperTextId} className="helper-text" data-error={error}>
          {helperText}
        </p>
      ) : null}
    </div>
  );
}
