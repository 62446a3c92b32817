'use client';

import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import InputLabel from '@mui/material/InputLabel';
import OutlinedInput, { type OutlinedInputProps } from '@mui/material/OutlinedInput';
import { useId, type ReactNode } from 'react';

export interface MuiTextInputProps extends Omit<OutlinedInputProps, 'label' | 'error' | 'required' | 'fullWidth'> {
  label: string;
  helperText?: ReactNode;
  error?: boolean;
  required?: boolean;
  fullWidth?: boolean;
}

/**
 * TextInput (text-input.tsx) built from MUI's parts (FormControl, InputLabel,
 * OutlinedInput), for the fields that need an MUI input: the topics combobox
 * (MUI's Autocomplete renders into it) and multi-line text (InputBase's
 * auto-growing textarea). Without TextField's `select` mode, which brings
 * Select, Menu, Popover and Modal along. Everywhere else use TextInput.
 */
export function MuiTextInput({ label, helperText, error, required, fullWidth, id, className, ...input }: MuiTextInputProps) {
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
