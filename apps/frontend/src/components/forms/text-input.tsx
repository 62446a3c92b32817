'use client';

import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import InputLabel from '@mui/material/InputLabel';
import OutlinedInput, { type OutlinedInputProps } from '@mui/material/OutlinedInput';
import { useId, type ReactNode } from 'react';

export interface TextInputProps extends Omit<OutlinedInputProps, 'label' | 'error' | 'required' | 'fullWidth'> {
  label: string;
  helperText?: ReactNode;
  error?: boolean;
  required?: boolean;
  fullWidth?: boolean;
}

/**
 * An outlined text field that looks and reads like MUI's <TextField> (label,
 * notch, required mark, helper text wired up with aria-describedby), built
 * from the parts TextField is made of but without its `select` mode: a
 * TextField brings Select, Menu, Popover and Modal into every page with a text
 * box (about 10 KB compressed, and their start-up work on a phone). Use
 * TextField where a field is a select.
 */
export function TextInput({ label, helperText, error, required, fullWidth, id, className, ...input }: TextInputProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const helperTextId = helperText ? `${inputId}-helper-text` : undefined;
  return (
    <FormControl variant="outlined" error={error} required={required} fullWidth={fullWidth} className={className}>
      <InputLabel htmlFor={inputId}>{label}</InputLabel>
      <OutlinedInput id={inputId} label={label} aria-describedby={helperTextId} {...input} />
      {helperText ? <FormHelperText id={helperTextId}>{helperText}</FormHelperText> : null}
    </FormControl>
  );
}
