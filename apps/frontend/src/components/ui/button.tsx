import type { ButtonHTMLAttributes } from 'react';

const BASE =
  'inline-flex min-w-16 cursor-pointer items-center justify-center gap-2 rounded-[10px] border-solid font-sans font-semibold leading-[1.75] no-underline transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary disabled:cursor-default';

/** MUI Button's padding and type per variant and size (an outlined button's border takes a pixel of its padding). */
const SIZES = {
  text: { small: 'px-[5px] py-1 text-[0.8125rem]', medium: 'px-2 py-1.5 text-sm', large: 'px-[11px] py-2 text-[0.9375rem]' },
  outlined: { small: 'px-[9px] py-[3px] text-[0.8125rem]', medium: 'px-[15px] py-[5px] text-sm', large: 'px-[21px] py-[7px] text-[0.9375rem]' },
  contained: { small: 'px-2.5 py-1 text-[0.8125rem]', medium: 'px-4 py-1.5 text-sm', large: 'px-[22px] py-2 text-[0.9375rem]' },
} as const;

const LOOKS = {
  primary: {
    text: 'border-0 bg-transparent text-primary hover:bg-primary/5',
    outlined: 'border border-primary/50 bg-transparent text-primary hover:border-primary hover:bg-primary/5',
    contained: 'border-0 bg-primary text-primary-contrast hover:bg-primary/90',
  },
  error: {
    text: 'border-0 bg-transparent text-error hover:bg-error/5',
    outlined: 'border border-error/50 bg-transparent text-error hover:border-error hover:bg-error/5',
    contained: 'border-0 bg-error text-[color:var(--mui-palette-error-contrastText)] hover:bg-error/90',
  },
  inherit: {
    text: 'border-0 bg-transparent text-inherit hover:bg-[rgba(var(--mui-palette-text-primaryChannel)/0.04)]',
    outlined: 'border border-current bg-transparent text-inherit hover:bg-[rgba(var(--mui-palette-text-primaryChannel)/0.04)]',
    contained: 'border-0 bg-[color:var(--mui-palette-grey-300)] text-[color:rgba(0,0,0,0.87)] hover:bg-[color:var(--mui-palette-grey-A100)]',
  },
} as const;

const DISABLED = {
  text: 'disabled:bg-transparent disabled:text-[color:var(--mui-palette-action-disabled)]',
  outlined: 'disabled:border-[color:var(--mui-palette-action-disabledBackground)] disabled:bg-transparent disabled:text-[color:var(--mui-palette-action-disabled)]',
  contained: 'disabled:bg-[color:var(--mui-palette-action-disabledBackground)] disabled:text-[color:var(--mui-palette-action-disabled)]',
} as const;

export interface ButtonLook {
  variant?: keyof typeof SIZES;
  size?: 'small' | 'medium' | 'large';
  color?: keyof typeof LOOKS;
  /** As wide as its container. */
  fullWidth?: boolean;
}

/** The classes of a Button, for a link that looks like one. */
export function buttonClass({ variant = 'text', size = 'medium', color = 'primary', fullWidth = false }: ButtonLook = {}) {
  return `${BASE} ${SIZES[variant][size]} ${LOOKS[color][variant]} ${DISABLED[variant]}${fullWidth ? ' w-full' : ''}`;
}

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'color'>, ButtonLook {}

/**
 * A button drawn as MUI's Button (text, outlined, contained; small, medium or large;
 * the theme's primary or error colour, or the surrounding text's) on a plain <button>:
 * for views where a button is all MUI would bring, so the page has nothing to
 * style when it starts. No ripple; the keyboard focus ring is the outline.
 */
export function Button({ variant, size, color, fullWidth, className = '', type = 'button', ...button }: ButtonProps) {
  return <button type={type} className={`${buttonClass({ variant, size, color, fullWidth })} ${className}`.trim()} {...button} />;
}
