import type { HTMLAttributes, ReactNode } from 'react';

export interface OutlinedFieldProps {
  /** The id of the input or select inside; its helper text is `<id>-helper-text`. */
  controlId: string;
  label: string;
  required?: boolean;
  error: boolean;
  disabled?: boolean;
  fullWidth?: boolean;
  size: 'small' | 'medium';
  /** Keep the label floated (a select, a start adornment); else it floats with focus or a value. */
  shrink?: boolean;
  className: string;
  helperText?: ReactNode;
  /** Attributes of the box around the control (handlers, data-*). */
  boxProps?: HTMLAttributes<HTMLDivElement> & Partial<Record<`data-${string}`, boolean | undefined>>;
  /** The control and its adornments. */
  children: ReactNode;
}

/** The id the helper text of `controlId` gets, for the control's aria-describedby. */
export function helperTextIdOf(controlId: string, helperText: ReactNode): string | undefined {
  return helperText ? `${controlId}-helper-text` : undefined;
}

/**
 * The frame TextInput and SelectField share, MUI's outlined field on plain
 * elements (`.field` in globals.css): the label, the box with its notched
 * outline (the notch is the label again, invisible, in the legend), the
 * helper text.
 */
export function OutlinedField({ controlId, label, required, error, disabled, fullWidth, size, shrink, className, helperText, boxProps, children }: OutlinedFieldProps) {
  const mark = required ? '\u2009*' : '';
  return (
    <div
      className={`field ${className}`.trim()}
      data-size={size}
      data-error={error}
      data-disabled={disabled ? true : undefined}
      data-full-width={fullWidth ? true : undefined}
      data-shrink={shrink ? true : undefined}
    >
      <label htmlFor={controlId} className="field-label">
        {label}
        {required ? <span aria-hidden="true">{mark}</span> : null}
      </label>
      <div className="field-box" {...boxProps}>
        {children}
        <fieldset aria-hidden="true" className="field-outline">
          <legend>
            <span>
              {label}
              {mark}
            </span>
          </legend>
        </fieldset>
      </div>
      {helperText ? (
        <p id={helperTextIdOf(controlId, helperText)} className="helper-text" data-error={error}>
          {helperText}
        </p>
      ) : null}
    </div>
  );
}
