'use client';

import { useId, type InputHTMLAttributes, type MouseEvent, type PointerEvent, type ReactNode, type Ref } from 'react';
import { helperTextIdOf, OutlinedField } from './outlined-field';

type DataAttributes = Partial<Record<`data-${string}`, string>>;

export interface TextInputProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'size' | 'className' | 'children' | 'onMouseEnter' | 'onPointerDown'
> {
  label: string;
  helperText?: ReactNode;
  error?: boolean;
  fullWidth?: boolean;
  size?: 'small' | 'medium';
  /** On the field's outer box (width, flex). */
  className?: string;
  /** Before the text: a `FieldAdornment` (an icon), or chips; the label then stays floated. */
  startAdornment?: ReactNode;
  /** After the text: a `FieldAdornment` (a button). */
  endAdornment?: ReactNode;
  /** More attributes for the <input> itself (role, aria-*, data-*). */
  inputProps?: InputHTMLAttributes<HTMLInputElement> & DataAttributes;
  ref?: Ref<HTMLInputElement>;
  /** The pointer over the whole box (not only the input). */
  onMouseEnter?(event: MouseEvent<HTMLElement>): void;
  /** A press anywhere in the box. */
  onPointerDown?(event: PointerEvent<HTMLElement>): void;
}

/**
 * An outlined text field that looks and reads like MUI's <TextField> (the
 * floating label, the notch, the required mark, the helper text wired up with
 * aria-describedby and aria-invalid), drawn by CSS on plain elements (`.field`
 * in globals.css): it costs a phone no styling work when the page starts,
 * where MUI's FormControl, InputLabel and OutlinedInput each compute and
 * insert their styles. `onMouseEnter` and `onPointerDown` belong to the whole
 * box, the rest to the input. MuiTextInput is the same field built from MUI,
 * for the topics combobox and multi-line text.
 */
export function TextInput({
  label,
  helperText,
  error = false,
  required,
  fullWidth,
  size = 'medium',
  id,
  className = '',
  startAdornment,
  endAdornment,
  inputProps,
  placeholder,
  disabled,
  onMouseEnter,
  onPointerDown,
  ...input
}: TextInputProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  // A press on the box's padding or an adornment's gap focuses the input, as MUI's does.
  const focusInput = (event: MouseEvent<HTMLDivElement>) => {
    if (event.target === event.currentTarget) event.currentTarget.querySelector('input')?.focus();
  };
  return (
    <OutlinedField
      controlId={inputId}
      label={label}
      required={required}
      error={error}
      disabled={disabled}
      fullWidth={fullWidth}
      size={size}
      shrink={Boolean(startAdornment)}
      className={className}
      helperText={helperText}
      boxProps={{
        'data-start': startAdornment ? true : undefined,
        'data-end': endAdornment ? true : undefined,
        onClick: focusInput,
        onMouseEnter,
        onPointerDown,
      }}
    >
      {startAdornment}
      <input
        id={inputId}
        className="field-input"
        required={required}
        disabled={disabled}
        aria-invalid={error}
        aria-describedby={helperTextIdOf(inputId, helperText)}
        placeholder={placeholder || ' '}
        {...input}
        {...inputProps}
      />
      {endAdornment}
    </OutlinedField>
  );
}

/** An icon or a button at the start or end of a TextInput, spaced and coloured as MUI's InputAdornment. */
export function FieldAdornment({ position, children }: { position: 'start' | 'end'; children: ReactNode }) {
  return (
    <span className="field-adornment" data-position={position}>
      {children}
    </span>
  );
}
