'use client';

import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import InputLabel from '@mui/material/InputLabel';
import NativeSelect from '@mui/material/NativeSelect';
import OutlinedInput from '@mui/material/OutlinedInput';
import { useId, type ChangeEvent, type ReactNode } from 'react';

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
 * readers work as everywhere else, and the page does not load MUI's Select,
 * Menu, Popover and Modal (about 30 KB compressed, and their start-up work on
 * a phone) for a list of a few fixed choices.
 */
export function SelectField<Value extends string>({
  label,
  value,
  options,
  onChange,
  helperText,
  error,
  disabled,
  required,
  fullWidth,
  size,
  id,
  name,
  className,
  selectProps,
}: SelectFieldProps<Value>) {
  const generatedId = useId();
  const selectId = id ?? generatedId;
  const helperTextId = helperText ? `${selectId}-helper-text` : undefined;
  return (
    <FormControl
      variant="outlined"
      error={error}
      disabled={disabled}
      required={required}
      fullWidth={fullWidth}
      size={size}
      className={className}
    >
      {/* Shrunk from the start: a select always shows a value. */}
      <InputLabel htmlFor={selectId} shrink>
        {label}
      </InputLabel>
      <NativeSelect
        value={value}
        onChange={(event) => onChange(event.target.value as Value, event)}
        input={<OutlinedInput label={label} notched />}
        inputProps={{ id: selectId, name, 'aria-describedby': helperTextId, ...selectProps }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </NativeSelect>
      {helperText ? <FormHelperText id={helperTextId}>{helperText}</FormHelperText> : null}
    </FormControl>
  );
}
